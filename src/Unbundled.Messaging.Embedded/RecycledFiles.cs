using System.Collections.Concurrent;
using System.Diagnostics;

namespace Unbundled.Messaging.Embedded;

/// <summary>
/// Consumed message files kept under a queue's <c>.free</c> folder and written over by the next send instead of being
/// deleted and created anew. Creating a file costs far more than renaming one: on ext4 without a journal, allocating an
/// inode steps over every inode freed in the last few seconds, so at thousands of messages a second file creation
/// became the transport's largest cost. A free file is taken by renaming it, so processes sharing the queue never take
/// the same one; it may still hold an old message's bytes until it is written over.
/// </summary>
internal sealed class RecycledFiles
{
    /// <summary>Enough for every message in flight at once; beyond it, consumed files are deleted.</summary>
    private const int MaxFreeFiles = 512;

    private static readonly TimeSpan RescanInterval = TimeSpan.FromSeconds(1);

    private readonly string folder;
    private readonly ConcurrentQueue<string> free = new();
    private long lastScan = long.MinValue;

    /// <summary>
    /// One per folder in the process (<see cref="EmbeddedProcess.RecycledIn"/>): the receiver that frees a file and the
    /// sender that needs one usually belong to different endpoints.
    /// </summary>
    public RecycledFiles(string folder) => this.folder = folder;

    /// <summary>Moves a free file to <paramref name="destination"/>; false when there is none to take.</summary>
    public bool TryTake(string destination)
    {
        if (free.IsEmpty)
        {
            ScanForFilesFreedElsewhere();
        }

        while (free.TryDequeue(out var name))
        {
            if (AtomicRename.TryMove(Path.Combine(folder, name), destination))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Keeps a consumed message file for reuse, or deletes it when enough are kept.</summary>
    public void Recycle(string path)
    {
        if (free.Count >= MaxFreeFiles)
        {
            File.Delete(path);
            return;
        }

        var name = Path.GetFileName(path);
        if (AtomicRename.TryMove(path, Path.Combine(folder, name)))
        {
            free.Enqueue(name);
        }
        else
        {
            File.Delete(path);
        }
    }

    /// <summary>Receivers in other processes free files too; look for them now and then, not on every send.</summary>
    private void ScanForFilesFreedElsewhere()
    {
        var now = Stopwatch.GetTimestamp();
        var last = Interlocked.Read(ref lastScan);
        if (Stopwatch.GetElapsedTime(last, now) < RescanInterval || Interlocked.CompareExchange(ref lastScan, now, last) != last)
        {
            return;
        }

        foreach (var path in Directory.EnumerateFiles(folder).Take(MaxFreeFiles))
        {
            free.Enqueue(Path.GetFileName(path));
        }
    }
}
