using System.Runtime.InteropServices;

namespace Unbundled.Messaging.Embedded;

/// <summary>
/// Writing over a recycled message file with open, lseek (its length), pwrite and close, and ftruncate only when the old
/// content was longer: a truncation to the same length still costs ext4 an inode update, twice a pwrite's CPU in perf.
/// .NET's file handles add an fstat, an fstatfs and an flock pair (its FileShare emulation) to every open, which doubled
/// the calls of the transport's hottest write for a file no other process may touch: a free file is taken by renaming
/// it first.
/// </summary>
internal static partial class PosixFile
{
    private const int WriteOnly = 0x1;        // O_WRONLY
    private const int CloseOnExec = 0x80000;  // O_CLOEXEC (Linux)
    private const int Interrupted = 4;        // EINTR
    private const int FromEnd = 2;            // SEEK_END
    private const int CreateNew = 0x40 | 0x80; // O_CREAT | O_EXCL
    private const int NewFileMode = 0x1B6;    // 0666, less the umask, as .NET creates files

    public static bool IsAvailable => OperatingSystem.IsLinux();

    /// <summary>Writes <paramref name="content"/> from the start of an existing file and cuts the file to its length.</summary>
    public static void WriteOver(string path, byte[] content)
    {
        var descriptor = Open(path, WriteOnly | CloseOnExec);
        if (descriptor < 0)
        {
            throw Failure("Opening", path);
        }

        try
        {
            var oldLength = Seek(descriptor, 0, FromEnd);
            if (oldLength < 0)
            {
                throw Failure("Measuring", path);
            }

            WriteAll(descriptor, content, path);
            if (oldLength > content.Length && Truncate(descriptor, content.Length) != 0)
            {
                throw Failure("Truncating", path);
            }
        }
        finally
        {
            // Linux frees the descriptor whatever close returns, and nothing here waits on the disk, so there is no
            // deferred write error to report that the pwrite did not.
            _ = Close(descriptor);
        }
    }

    /// <summary>
    /// Creates <paramref name="path"/>, which must not exist, with <paramref name="content"/>: open, pwrite, close. A
    /// queue no receiver of this process consumes (audit, ServiceControl's queues) has no recycled files, so each of
    /// its messages is a new file, and .NET's handle added its fstat, fstatfs and flock pair to every one of them.
    /// </summary>
    public static void WriteNew(string path, byte[] content)
    {
        var descriptor = Open(path, WriteOnly | CloseOnExec | CreateNew, NewFileMode);
        if (descriptor < 0)
        {
            throw Failure("Creating", path);
        }

        try
        {
            WriteAll(descriptor, content, path);
        }
        finally
        {
            _ = Close(descriptor);
        }
    }

    private static unsafe void WriteAll(int descriptor, byte[] content, string path)
    {
        fixed (byte* start = content)
        {
            for (var written = 0; written < content.Length;)
            {
                var count = PositionalWrite(descriptor, start + written, (nuint)(content.Length - written), written);
                if (count < 0 && Marshal.GetLastPInvokeError() != Interrupted)
                {
                    throw Failure("Writing", path);
                }

                written += (int)Math.Max(count, 0);
            }
        }
    }

    private static IOException Failure(string what, string path) =>
        new($"{what} {path} failed (errno {Marshal.GetLastPInvokeError()}).");

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Open(string path, int flags, int mode);

    [LibraryImport("libc", EntryPoint = "lseek", SetLastError = true)]
    private static partial long Seek(int descriptor, long offset, int whence);

    [LibraryImport("libc", EntryPoint = "pwrite", SetLastError = true)]
    private static unsafe partial nint PositionalWrite(int descriptor, byte* buffer, nuint count, long offset);

    [LibraryImport("libc", EntryPoint = "ftruncate", SetLastError = true)]
    private static partial int Truncate(int descriptor, long length);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int Close(int descriptor);
}
