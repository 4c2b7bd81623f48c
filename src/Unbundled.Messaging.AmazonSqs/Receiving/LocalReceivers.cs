using System.Collections.Concurrent;
using Unbundled.Messaging.Transport;

namespace Unbundled.Messaging.AmazonSqs.Receiving;

/// <summary>
/// The receivers running in this process, by queue URL, so that a handler's outgoing message for a queue received here
/// can be processed straight from memory instead of making the round trip through SQS (send, receive, delete). The URL
/// names the queue and the service it lives in, so transports pointed at different accounts or endpoints never meet.
/// </summary>
internal static class LocalReceivers
{
    private static readonly ConcurrentDictionary<string, SqsMessageReceiver[]> ByQueueUrl = new(StringComparer.Ordinal);

    public static void Register(string queueUrl, SqsMessageReceiver receiver) =>
        ByQueueUrl.AddOrUpdate(queueUrl, _ => [receiver], (_, existing) => [.. existing, receiver]);

    public static void Unregister(string queueUrl, SqsMessageReceiver receiver) =>
        ByQueueUrl.AddOrUpdate(queueUrl, _ => [], (_, existing) => [.. existing.Where(r => r != receiver)]);

    /// <summary>
    /// Gives <paramref name="message"/> to a receiver of the queue in this process that has a free slot;
    /// <paramref name="consumed"/> tells, once processing ended, whether it was consumed (false: send it through SQS).
    /// </summary>
    public static bool TryHandOff(string queueUrl, OutgoingMessage message, out Task<bool> consumed)
    {
        if (ByQueueUrl.TryGetValue(queueUrl, out var receivers))
        {
            foreach (var receiver in receivers)
            {
                if (receiver.TryHandOff(message, out consumed))
                {
                    return true;
                }
            }
        }

        consumed = Task.FromResult(false);
        return false;
    }
}
