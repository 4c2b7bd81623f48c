using System.Collections.Concurrent;
using Unbundled.Messaging.Transport;

namespace Unbundled.Messaging.Embedded;

/// <summary>
/// The receivers running in this process, by queue folder, so that a send from this process wakes its receiver at once
/// instead of waiting for the file-system watcher or a scan, or hands it the message without a file.
/// </summary>
internal static class LocalReceivers
{
    private static readonly ConcurrentDictionary<string, ImmutableReceivers> ByQueuePath = new(StringComparer.Ordinal);

    public static void Register(string queuePath, FileSystemMessageReceiver receiver) =>
        ByQueuePath.AddOrUpdate(queuePath, _ => new([receiver]), (_, existing) => new([.. existing.Items, receiver]));

    public static void Unregister(string queuePath, FileSystemMessageReceiver receiver) =>
        ByQueuePath.AddOrUpdate(queuePath, _ => new([]), (_, existing) => new([.. existing.Items.Where(r => r != receiver)]));

    public static void NotifyReady(string queuePath, Candidate candidate)
    {
        foreach (var receiver in Of(queuePath))
        {
            receiver.Hint(candidate);
        }
    }

    /// <summary>Writes a message file straight to a receiver of the queue in this process that has a free slot.</summary>
    public static bool TryAccept(string queuePath, byte[] content)
    {
        foreach (var receiver in Of(queuePath))
        {
            if (receiver.TryAccept(content))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Gives a message to a receiver of the queue in this process that has a free slot; <paramref name="processing"/>
    /// completes once the message is processed or, failing that, stored in the queue.
    /// </summary>
    public static bool TryHandOff(string queuePath, OutgoingMessage message, out Task processing)
    {
        foreach (var receiver in Of(queuePath))
        {
            if (receiver.TryHandOff(message, out processing))
            {
                return true;
            }
        }

        processing = Task.CompletedTask;
        return false;
    }

    public static void NotifyDelayed(string queuePath)
    {
        foreach (var receiver in Of(queuePath))
        {
            receiver.WakeDelayed();
        }
    }

    private static FileSystemMessageReceiver[] Of(string queuePath) =>
        ByQueuePath.TryGetValue(queuePath, out var receivers) ? receivers.Items : [];

    private sealed record ImmutableReceivers(FileSystemMessageReceiver[] Items);
}
