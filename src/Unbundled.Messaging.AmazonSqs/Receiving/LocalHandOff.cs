using Unbundled.Messaging.InProcess;
using Unbundled.Messaging.Transport;

namespace Unbundled.Messaging.AmazonSqs.Receiving;

/// <summary>
/// A handler's outgoing message for a queue received in this process, processed straight from memory instead of making
/// the round trip through SQS (send, receive, delete). Receivers are known by queue URL, which names the queue and the
/// service it lives in, so transports pointed at different accounts or endpoints never meet.
/// </summary>
internal static class LocalHandOff
{
    /// <summary>
    /// Gives <paramref name="message"/> to a receiver of the queue in this process that has a free slot;
    /// <paramref name="consumed"/> tells, once processing ended, whether it was consumed (false: send it through SQS).
    /// </summary>
    public static bool TryHandOff(
        this LocalReceivers<SqsMessageReceiver> local, string queueUrl, OutgoingMessage message, out Task<bool> consumed)
    {
        foreach (var receiver in local.Of(queueUrl))
        {
            if (receiver.TryHandOff(message, out consumed))
            {
                return true;
            }
        }

        consumed = Task.FromResult(false);
        return false;
    }
}
