namespace Unbundled.Messaging.Embedded;

/// <summary>
/// Where this process writes a queue's message files before renaming them in: <c>.tmp/{owner}/</c>, guarded by
/// <c>.tmp/{owner}.lock</c>, a file held open exclusively while the process lives (as <see cref="InflightClaims"/> guards
/// a receiver's claims; .NET takes an OS lock for it, seen by every process). A file is there only between its write
/// and its rename, so what a killed process leaves there was never acknowledged to its sender: the first process to
/// use the queue afterwards deletes every folder whose lock it can take, and, from versions that wrote straight into
/// <c>.tmp</c>, loose files older than <see cref="LooseFileAge"/> (docs/embedded-crash-leftovers.md).
/// </summary>
internal sealed class OwnedTempFolders : IDisposable
{
    public static readonly TimeSpan LooseFileAge = TimeSpan.FromMinutes(1);

    private readonly string owner = Guid.NewGuid().ToString("N");
    private readonly Dictionary<string, Owned> byTempRoot = new(StringComparer.Ordinal);
    private readonly EventHandler releaseAtExit;

    /// <summary>Released when the process scope is disposed or, should nobody dispose it, when the process exits.</summary>
    public OwnedTempFolders()
    {
        releaseAtExit = (_, _) => Dispose();
        AppDomain.CurrentDomain.ProcessExit += releaseAtExit;
    }

    /// <summary>This process's folder under <paramref name="tempRoot"/>, claimed (and the leftovers removed) on first use.</summary>
    public string For(string tempRoot, TimeProvider time)
    {
        lock (byTempRoot)
        {
            if (byTempRoot.TryGetValue(tempRoot, out var owned) && Directory.Exists(owned.Folder))
            {
                return owned.Folder;
            }

            // Gone: the queue folder was deleted (an instance queue at its stop) and is being made again.
            owned?.Lock.Dispose();
            RemoveLeftovers(tempRoot, time);
            var folder = Directory.CreateDirectory(Path.Combine(tempRoot, owner)).FullName;
            owned = new Owned(OwnerLock.Create(Path.Combine(tempRoot, owner + ".lock")), folder);
            byTempRoot[tempRoot] = owned;
            return owned.Folder;
        }
    }

    private static void RemoveLeftovers(string tempRoot, TimeProvider time)
    {
        foreach (var lockPath in Directory.EnumerateFiles(tempRoot, "*.lock"))
        {
            if (OwnerLock.TryTake(lockPath) is not { } abandoned)
            {
                continue;
            }

            using (abandoned)
            {
                var folder = Path.ChangeExtension(lockPath, null);
                if (Directory.Exists(folder))
                {
                    Directory.Delete(folder, recursive: true);
                }
            }

            File.Delete(lockPath);
        }

        var oldest = time.GetUtcNow().UtcDateTime - LooseFileAge;
        foreach (var loose in Directory.EnumerateFiles(tempRoot, "*" + QueueFolder.Extension))
        {
            if (File.GetLastWriteTimeUtc(loose) < oldest)
            {
                File.Delete(loose);
            }
        }
    }

    /// <summary>At a graceful exit nothing is being written any more: leave no folder behind.</summary>
    public void Dispose()
    {
        AppDomain.CurrentDomain.ProcessExit -= releaseAtExit;
        Owned[] all;
        lock (byTempRoot)
        {
            all = [.. byTempRoot.Values];
            byTempRoot.Clear();
        }

        foreach (var owned in all)
        {
            try
            {
                Directory.Delete(owned.Folder, recursive: true);
                owned.Lock.Dispose();
                File.Delete(owned.Lock.Name);
            }
            catch (IOException)
            {
                // The next process to use the queue removes it.
            }
        }
    }

    private sealed record Owned(FileStream Lock, string Folder);
}
