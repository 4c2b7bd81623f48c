using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Unbundled.LocalAws;

/// <summary>
/// Keeps one set of stand-ins per data folder: a lock file held open for as long as they run, listing their process ids.
/// </summary>
/// <remarks>
/// After a kill -9 of the process that owned the folder, its stand-ins exit by themselves, but only when they notice
/// (milliseconds later): a dynalite still running on the same LevelDB folder would make the new one fail at its first
/// request, not at its start. So the next owner waits for the processes the file lists that still run on this folder.
/// </remarks>
internal sealed class DataFolderLock : IDisposable
{
    private static readonly TimeSpan LeftoverTimeout = TimeSpan.FromSeconds(10);

    private readonly FileStream file;

    private DataFolderLock(FileStream file) => this.file = file;

    public static async Task<DataFolderLock> Acquire(string folder, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "stand-ins.lock");
        FileStream file;
        try
        {
            file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e)
        {
            throw new InvalidOperationException($"Another process runs the aws-local stand-ins on {folder}; stop it or use another --data-path.", e);
        }

        using (var reader = new StreamReader(file, Encoding.UTF8, leaveOpen: true))
        {
            var leftovers = (await reader.ReadToEndAsync(cancellationToken))
                .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(line => int.Parse(line, CultureInfo.InvariantCulture));
            foreach (var id in leftovers)
            {
                await WaitForExit(id, folder, cancellationToken);
            }
        }

        return new DataFolderLock(file);
    }

    /// <summary>Writes the stand-ins' process ids, for the next owner after a crash.</summary>
    public void Record(IEnumerable<int> processIds)
    {
        file.SetLength(0);
        file.Write(Encoding.UTF8.GetBytes(string.Join('\n', processIds.Select(id => id.ToString(CultureInfo.InvariantCulture)))));
        file.Flush();
    }

    public void Dispose()
    {
        file.SetLength(0);
        file.Dispose();
    }

    private static async Task WaitForExit(int processId, string folder, CancellationToken cancellationToken)
    {
        var waited = Stopwatch.StartNew();
        while (RunsOn(processId, folder))
        {
            if (waited.Elapsed > LeftoverTimeout)
            {
                // Its owner is gone (we hold the lock) and it did not exit on its own: it must not share the folder.
                try
                {
                    using var leftover = Process.GetProcessById(processId);
                    leftover.Kill(entireProcessTree: true);
                    await leftover.WaitForExitAsync(cancellationToken);
                }
                catch (Exception e) when (e is ArgumentException or InvalidOperationException)
                {
                    // It exited just now.
                }

                return;
            }

            await Task.Delay(50, cancellationToken);
        }
    }

    /// <summary>True if the process is alive and its command line names the folder (process ids are reused).</summary>
    private static bool RunsOn(int processId, string folder)
    {
        try
        {
            return File.ReadAllText($"/proc/{processId}/cmdline").Contains(folder, StringComparison.Ordinal);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
