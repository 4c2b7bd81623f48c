using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;

namespace Unbundled.Persistence.Sqlite;

/// <summary>
/// How far the write-ahead log is filled, as SQLite reports it after each commit (<c>sqlite3_wal_hook</c>, which
/// SQLitePCLRaw does not wrap). The file's length no longer says it: the log keeps its blocks when it is rewound
/// (journal_size_limit above the reset point, docs/sqlite-wal.md), so after a rewind a 20 MB file may hold one page.
/// Setting the hook replaces SQLite's automatic checkpoint, which the connections turn off anyway.
/// </summary>
internal static unsafe partial class WalFrames
{
    /// <summary>SQLite's default page size, which the schema keeps, plus a frame's header.</summary>
    private const long FrameBytes = 4096 + 24;

    private const long HeaderBytes = 32;

    /// <summary>The log's bytes in use for <paramref name="frames"/> frames.</summary>
    public static long Bytes(long frames) => frames == 0 ? 0 : HeaderBytes + (frames * FrameBytes);

    /// <summary>Has every commit on <paramref name="connection"/> report the log's frames to <paramref name="state"/>.</summary>
    public static void Watch(SqliteConnection connection, WalCheckpoints.State state)
    {
        // Returns the previous hook's argument, which is of no use here.
        SetHook(connection.Handle!.DangerousGetHandle(), &Committed, state.Handle);
        GC.KeepAlive(connection);
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int Committed(nint argument, nint database, nint schema, int frames)
    {
        // A weak handle: a physical connection in Microsoft.Data.Sqlite's pool may outlive the state that set its hook.
        if (GCHandle.FromIntPtr(argument).Target is WalCheckpoints.State state)
        {
            Volatile.Write(ref state.Frames, frames);
        }

        return 0;
    }

    [LibraryImport("e_sqlite3", EntryPoint = "sqlite3_wal_hook")]
    private static partial nint SetHook(nint database, delegate* unmanaged[Cdecl]<nint, nint, nint, int, int> callback, nint argument);
}
