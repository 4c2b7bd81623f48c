using System.Collections.Concurrent;

namespace Unbundled.Messaging.Embedded;

/// <summary>
/// The receivers running in this process, by queue folder, so that a send from this process wakes its receiver at once
/// instead of waiting for the file-system watcher or a scan.
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
        if (ByQueuePath.TryGetValue(queuePath, out var receivers))
        {
            foreach (var receiver in receivers.Items)
            {
                receiver.Hint(candidate);
            }
        }
    }

    public static void NotifyDelayed(string queuePath)
    {
        if (ByQueuePath.TryGetValue(queuePath, out var receivers))
        {
            foreach (var receiver in receivers.Items)
            {
                receiver.WakeDelayed();
            }
        }
    }

    private sealed record ImmutableReceivers(FileSystemMessageReceiver[] Items);
}
