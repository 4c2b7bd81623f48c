using System.Collections.Concurrent;

namespace Unbundled.Messaging.Embedded.Tests.HandOff;

/// <summary>Every message file created in or moved into a queue folder or any of its subfolders, while watched.</summary>
internal sealed class FileEvents : IDisposable
{
    private readonly FileSystemWatcher watcher;
    private readonly ConcurrentQueue<string> seen = new();

    public FileEvents(string queueFolder)
    {
        watcher = new FileSystemWatcher(queueFolder, "*.msg") { IncludeSubdirectories = true, NotifyFilter = NotifyFilters.FileName };
        watcher.Created += (_, e) => seen.Enqueue(e.FullPath);
        watcher.Renamed += (_, e) => seen.Enqueue(e.FullPath);
        watcher.EnableRaisingEvents = true;
    }

    public IReadOnlyCollection<string> Seen => seen;

    public void Dispose() => watcher.Dispose();
}
