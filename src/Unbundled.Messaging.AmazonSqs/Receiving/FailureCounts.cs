using System.Collections.Concurrent;

namespace Unbundled.Messaging.AmazonSqs.Receiving;

/// <summary>
/// Processing failures per native message id, in memory. Combined with SQS's ApproximateReceiveCount (which also counts
/// deliveries to other instances) it decides when immediate retries are used up. Bounded: the oldest are forgotten.
/// </summary>
internal sealed class FailureCounts(int capacity = 10_000)
{
    private readonly ConcurrentDictionary<string, int> counts = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> order = new();

    public int RecordFailure(string nativeMessageId, int approximateReceiveCount)
    {
        var count = counts.AddOrUpdate(nativeMessageId, _ => { order.Enqueue(nativeMessageId); return 1; }, (_, c) => c + 1);
        while (counts.Count > capacity && order.TryDequeue(out var oldest))
        {
            counts.TryRemove(oldest, out _);
        }

        return Math.Max(count, approximateReceiveCount);
    }

    public void Forget(string nativeMessageId) => counts.TryRemove(nativeMessageId, out _);
}
