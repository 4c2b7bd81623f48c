using System.Runtime.InteropServices;

namespace Unbundled.Messaging.Embedded;

/// <summary>
/// rename(2): atomic within a file system, and on Linux the answer "someone else took it" is an error code rather than
/// an exception. Receivers race for every file (and the watcher reports files this process already claimed), so losing is
/// common and must be cheap.
/// </summary>
internal static partial class AtomicRename
{
    private const int NoSuchFile = 2;

    /// <summary>Moves the file; false when the source no longer exists (another receiver was first).</summary>
    public static bool TryMove(string source, string destination)
    {
        if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS())
        {
            if (Rename(source, destination) == 0)
            {
                return true;
            }

            var error = Marshal.GetLastPInvokeError();
            return error == NoSuchFile ? false : throw new IOException($"Moving {source} to {destination} failed (errno {error}).");
        }

        try
        {
            File.Move(source, destination, overwrite: true);
            return true;
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            return false;
        }
    }

    [LibraryImport("libc", EntryPoint = "rename", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Rename(string oldPath, string newPath);
}
