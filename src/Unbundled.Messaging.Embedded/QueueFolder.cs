using System.Globalization;
namespace Unbundled.Messaging.Embedded;

/// <summary>
/// One queue's folder. Ready messages sit at the top level as <c>{time-ordered id}.msg</c>; files are written under
/// <c>.tmp/{owner}</c> first (<see cref="OwnedTempFolders"/>) and renamed in, so a reader never sees half a message. Delayed messages wait in <c>.delayed</c> named
/// by their due time; receivers hold claimed messages under <c>.inflight/{receiver}</c>; consumed files wait under
/// <c>.free</c> to be written over (<see cref="RecycledFiles"/>).
/// </summary>
internal sealed class QueueFolder
{
    public const string Extension = ".msg";

    private readonly TimeProvider time;

    public QueueFolder(string root, string name, TimeProvider time, EmbeddedProcess process)
    {
        Name = name;
        Path = System.IO.Path.Combine(root, name);
        TempPath = System.IO.Path.Combine(Path, ".tmp");
        DelayedPath = System.IO.Path.Combine(Path, ".delayed");
        InflightPath = System.IO.Path.Combine(Path, ".inflight");
        this.time = time;
        Recycled = process.RecycledIn(System.IO.Path.Combine(Path, ".free"));
        Directory.CreateDirectory(TempPath);
        Directory.CreateDirectory(DelayedPath);
        Directory.CreateDirectory(InflightPath);
        OwnTempPath = process.TempFolders.For(TempPath, time);
    }

    public string Name { get; }

    public string Path { get; }

    public string TempPath { get; }

    /// <summary>This process's folder under <see cref="TempPath"/>, where it writes files before renaming them in.</summary>
    public string OwnTempPath { get; }

    public string DelayedPath { get; }

    public string InflightPath { get; }

    public RecycledFiles Recycled { get; }

    public static string NewFileName() => Guid.CreateVersion7().ToString("N") + Extension;

    /// <summary>Writes the message file, ready now or due after <paramref name="delay"/>; returns the file name when ready now.</summary>
    public string? Write(byte[] content, TimeSpan delay)
    {
        if (delay <= TimeSpan.Zero)
        {
            return WriteInto(Path, content);
        }

        var (temp, name) = WriteTemporary(content);
        var due = time.GetUtcNow().Add(delay).UtcTicks.ToString("D19", CultureInfo.InvariantCulture);
        File.Move(temp, System.IO.Path.Combine(DelayedPath, $"{due}-{name}"), overwrite: true);
        return null;
    }

    /// <summary>
    /// Writes the message file into <paramref name="folder"/>: the queue itself, or the folder of a receiver that claims
    /// it as it is written. Returns the file name.
    /// </summary>
    public string WriteInto(string folder, byte[] content)
    {
        var (temp, name) = WriteTemporary(content);
        // rename(2) itself: File.Move would first lstat the source and the destination.
        return AtomicRename.TryMove(temp, System.IO.Path.Combine(folder, name))
            ? name
            : throw new FileNotFoundException($"The message file written at {temp} vanished before it was moved into {folder}.", temp);
    }

    /// <summary>Moves a file into this queue as a ready message, under a new name so it sorts as just arrived.</summary>
    public string Admit(string sourcePath)
    {
        var name = NewFileName();
        File.Move(sourcePath, System.IO.Path.Combine(Path, name), overwrite: true);
        return name;
    }

    /// <summary>The due time encoded in a delayed file's name.</summary>
    public static DateTimeOffset DueTimeOf(string delayedFileName) =>
        new(long.Parse(delayedFileName.AsSpan(0, 19), CultureInfo.InvariantCulture), TimeSpan.Zero);

    /// <summary>A complete message file under <c>.tmp</c>, on a recycled file when there is one.</summary>
    private (string Path, string Name) WriteTemporary(byte[] content)
    {
        var name = NewFileName();
        var temp = System.IO.Path.Combine(OwnTempPath, name);
        if (Recycled.TryTake(temp))
        {
            MessageFile.WriteOver(temp, content);
        }
        else
        {
            MessageFile.Write(temp, content);
        }

        return (temp, name);
    }
}
