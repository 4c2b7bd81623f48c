using System.Collections.Concurrent;

namespace Unbundled.Benchmarks.Transport;

/// <summary>Links each sent ping to the moment its handler ran.</summary>
internal sealed class PingTracker
{
    private readonly ConcurrentDictionary<long, TaskCompletionSource<long>> waiting = new();
    private long handled;

    public long HandledCount => Interlocked.Read(ref handled);

    public Task<long> WaitFor(long sequence) =>
        waiting.GetOrAdd(sequence, _ => new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public void Handled(long sequence, long timestamp)
    {
        Interlocked.Increment(ref handled);
        if (waiting.TryRemove(sequence, out var completion))
        {
            completion.TrySetResult(timestamp);
        }
    }

    public void Reset() => Interlocked.Exchange(ref handled, 0);
}
