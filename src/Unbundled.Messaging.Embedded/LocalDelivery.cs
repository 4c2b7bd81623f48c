using Unbundled.Messaging.Embedded.Receiving;
using Unbundled.Messaging.InProcess;
using Unbundled.Messaging.Transport;

namespace Unbundled.Messaging.Embedded;

/// <summary>
/// What a send from this process does for a receiver of the queue running here: wakes it at once instead of waiting
/// for the file-system watcher or a scan, or hands it the message without a file.
/// </summary>
internal static class LocalDelivery
{
    public static void NotifyReady(this LocalReceivers<LocalIntake> local, string queuePath, Candidate candidate)
    {
        foreach (var receiver in local.Of(queuePath))
        {
            receiver.Hint(candidate);
        }
    }

    /// <summary>Writes a message file straight to a receiver of the queue in this process that has a free slot.</summary>
    public static bool TryAccept(this LocalReceivers<LocalIntake> local, string queuePath, OutgoingMessage message, byte[] content, bool newMessage)
    {
        foreach (var receiver in local.Of(queuePath))
        {
            if (receiver.TryAccept(message, content, newMessage))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Gives a message to a receiver of the queue in this process that has a free slot; <paramref name="processing"/>
    /// completes once the message is processed or, failing that, stored in the queue. <paramref name="elsewhere"/>: start
    /// it on another thread rather than run it on this one up to its first wait.
    /// </summary>
    public static bool TryHandOff(
        this LocalReceivers<LocalIntake> local, string queuePath, OutgoingMessage message, bool newMessage, bool elsewhere, out Task processing)
    {
        foreach (var receiver in local.Of(queuePath))
        {
            if (receiver.TryHandOff(message, newMessage, elsewhere, out processing))
            {
                return true;
            }
        }

        processing = Task.CompletedTask;
        return false;
    }

    public static void NotifyDelayed(this LocalReceivers<LocalIntake> local, string queuePath)
    {
        foreach (var receiver in local.Of(queuePath))
        {
            receiver.WakeDelayed();
        }
    }
}
