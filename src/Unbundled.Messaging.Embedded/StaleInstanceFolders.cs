namespace Unbundled.Messaging.Embedded;

/// <summary>
/// Instance queues (<c>{endpoint}-{discriminator}</c>, where callbacks' replies arrive) are deleted when their receiver
/// stops, but a killed process leaves its folder behind, and replies to it pile up there unread. As on SQS, where a
/// tag says when the queue was last seen, each live instance marks its folder: <c>.instance.lock</c>, held open
/// exclusively while it lives (<see cref="OwnerLock"/>). A starting instance removes the folders of its endpoint whose
/// lock nobody holds and where nothing has happened for the grace period (a folder being created has no lock yet, and
/// a reply just written shows a process that expected one).
/// </summary>
internal static class StaleInstanceFolders
{
    private const string MarkerName = ".instance.lock";

    /// <summary>Marks <paramref name="queue"/> as a live instance queue until the returned lock is disposed.</summary>
    public static FileStream Mark(QueueFolder queue) => OwnerLock.Create(Path.Combine(queue.Path, MarkerName));

    /// <summary>Removes the stale instance folders that start with <paramref name="endpointQueue"/> and a dash; returns their names.</summary>
    public static IReadOnlyList<string> Remove(string root, string endpointQueue, TimeSpan gracePeriod, TimeProvider time)
    {
        var removed = new List<string>();
        var idleSince = time.GetUtcNow().UtcDateTime - gracePeriod;
        foreach (var folder in Directory.EnumerateDirectories(root, endpointQueue + "-*"))
        {
            var marker = Path.Combine(folder, MarkerName);
            if (!File.Exists(marker) || LastActivity(folder) > idleSince || OwnerLock.TryTake(marker) is not { } abandoned)
            {
                continue;
            }

            using (abandoned)
            {
                try
                {
                    Directory.Delete(folder, recursive: true);
                    removed.Add(Path.GetFileName(folder));
                }
                catch (IOException)
                {
                    // Half deleted: the lock is still free, so the next instance to start finishes the job.
                }
            }
        }

        return removed;
    }

    /// <summary>A file arriving, claimed or consumed changes one of these folders.</summary>
    private static DateTime LastActivity(string folder) =>
        new[] { folder, Path.Combine(folder, ".inflight"), Path.Combine(folder, ".delayed") }
            .Where(Directory.Exists)
            .Select(Directory.GetLastWriteTimeUtc)
            .DefaultIfEmpty(DateTime.MinValue)
            .Max();
}
