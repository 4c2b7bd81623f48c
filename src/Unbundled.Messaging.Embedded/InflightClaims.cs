namespace Unbundled.Messaging.Embedded;

/// <summary>
/// Where one receiver keeps the messages it claimed: <c>.inflight/{id}/</c>, guarded by <c>.inflight/{id}.lock</c>, a file
/// it holds open exclusively for its lifetime. A claim is an atomic rename into that folder, so two processes never get
/// the same message. When a process dies, its lock is released with it; the next receiver to start puts that
/// receiver's claimed messages back in the queue. Messages that senders of this process handed the receiver are held
/// in the folder's slot files (<see cref="SlotFiles"/>), and go back the same way.
/// </summary>
internal sealed class InflightClaims : IDisposable
{
    private readonly QueueFolder queue;
    private readonly FileStream lockFile;

    public InflightClaims(QueueFolder queue, int slotCount)
    {
        this.queue = queue;
        var id = Guid.NewGuid().ToString("N");
        lockFile = new FileStream(Path.Combine(queue.InflightPath, id + ".lock"), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None);
        FolderPath = Path.Combine(queue.InflightPath, id);
        Directory.CreateDirectory(FolderPath);
        Slots = new SlotFiles(FolderPath, slotCount);
    }

    public string FolderPath { get; }

    public SlotFiles Slots { get; }

    /// <summary>Takes a ready message; false when another receiver was first.</summary>
    public bool TryClaim(string fileName) =>
        AtomicRename.TryMove(Path.Combine(queue.Path, fileName), Path.Combine(FolderPath, fileName));

    public string PathOf(string fileName) => Path.Combine(FolderPath, fileName);

    /// <summary>Puts a claimed message back so that it is delivered again.</summary>
    public string Release(string fileName) => queue.Admit(PathOf(fileName));

    public void Complete(string fileName) => queue.Recycled.Recycle(PathOf(fileName));

    /// <summary>Returns the messages of receivers that died (their lock is free) to the queue; the names returned are ready.</summary>
    public IReadOnlyList<string> RecoverAbandoned()
    {
        var recovered = new List<string>();
        foreach (var lockPath in Directory.EnumerateFiles(queue.InflightPath, "*.lock"))
        {
            if (lockPath == lockFile.Name || OwnerLock.TryTake(lockPath) is not { } abandoned)
            {
                continue;
            }

            using (abandoned)
            {
                var folder = Path.ChangeExtension(lockPath, null);
                if (Directory.Exists(folder))
                {
                    recovered.AddRange(Directory.EnumerateFiles(folder, "*" + QueueFolder.Extension).ToList().Select(queue.Admit));
                    recovered.AddRange(ReturnHeldSlots(folder));
                    Directory.Delete(folder, recursive: true);
                }
            }

            File.Delete(lockPath);
        }

        return recovered;
    }

    /// <summary>Writes what the slot files of <paramref name="folder"/> hold into the queue as ready messages.</summary>
    private List<string> ReturnHeldSlots(string folder) =>
        [.. SlotFiles.HeldIn(folder).Select(content => queue.Write(content, TimeSpan.Zero)!)];

    public void Dispose()
    {
        foreach (var leftover in Directory.EnumerateFiles(FolderPath, "*" + QueueFolder.Extension).ToList())
        {
            queue.Admit(leftover);
        }

        Slots.Dispose();
        ReturnHeldSlots(FolderPath);

        Directory.Delete(FolderPath, recursive: true);
        var path = lockFile.Name;
        lockFile.Dispose();
        File.Delete(path);
    }
}
