using System.Collections.Concurrent;
using Unbundled.Messaging.Embedded.Receiving;
using Unbundled.Messaging.InProcess;

namespace Unbundled.Messaging.Embedded;

/// <summary>
/// What the embedded transports of one process share, kept in its <see cref="ProcessScope"/>: every endpoint's
/// transport has queue objects of its own, while the receiver that a send wakes, the free file a receiver recycled
/// and the folder this process writes its files in belong to the process (docs/process-scope.md).
/// </summary>
internal sealed class EmbeddedProcess : IDisposable
{
    private readonly ConcurrentDictionary<string, RecycledFiles> recycledByFolder = new(StringComparer.Ordinal);

    public LocalReceivers<LocalIntake> Receivers { get; } = new();

    public OwnedTempFolders TempFolders { get; } = new();

    /// <summary>The free files of <paramref name="folder"/>, which is created if missing (a queue folder may be deleted and made again).</summary>
    public RecycledFiles RecycledIn(string folder)
    {
        Directory.CreateDirectory(folder);
        return recycledByFolder.GetOrAdd(folder, path => new RecycledFiles(path));
    }

    public void Dispose() => TempFolders.Dispose();
}
