using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;

namespace Unbundled.Persistence.Sqlite;

/// <summary>
/// Keeps the write-ahead log small without putting checkpoints on the write path (docs/sqlite-wal.md). SQLite's automatic
/// checkpoint runs in the commit that crosses 1,000 pages, and the mutation waiting on that commit waited for it: that
/// was the whole p99 at concurrency 1. Connections turn it off (<see cref="SqliteDatabase.Open"/>) and two kinds run
/// instead, one at a time per file:
/// <list type="bullet">
/// <item>After a write batch, at most every <see cref="Interval"/>, a passive checkpoint off the write path: it copies
/// what readers and writers allow and never waits. It cannot reset the log while writes keep coming (each new commit
/// appends behind what it copied), so under sustained load the log only grew, past 2 GB in 25 s.</item>
/// <item>Once the log passes <see cref="ResetAt"/>, passive checkpoints catch up with it while the writes go on, and
/// then the process's single writer (<see cref="BatchedWrites"/>) holds its next batch for one more passive checkpoint:
/// with no commit in progress it copies the last frames, and the batch after it, finding the whole log copied, rewinds
/// the log to its start, writing over the blocks the file has (journal_size_limit is above the reset point). It comes once per <see cref="ResetAt"/> of log, and the
/// batch it holds up waits ~1–3 ms for it (a TRUNCATE checkpoint there, which also waits for the readers and empties
/// the file, held it up 10–15 ms).</item>
/// <item>A log past twice <see cref="ResetAt"/> (a reader kept the rewind from happening, a slow disk) gets a TRUNCATE
/// checkpoint, which waits for the readers, so the bound holds whatever the passive ones achieved.</item>
/// </list>
/// </summary>
internal static class WalCheckpoints
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);

    /// <summary>The log size at which the writer resets it.</summary>
    public const long ResetAt = 16 * 1024 * 1024;

    /// <summary>The size the log stays under, documented in docs/sqlite-wal.md: the reset point and what piles up meanwhile.</summary>
    public const long Limit = 64 * 1024 * 1024;

    /// <summary>
    /// A catch-up pass is repeated while the writes appended more than this during it, so that the checkpoint the
    /// writer waits for has at most a few milliseconds of writes to copy.
    /// </summary>
    private const long CaughtUpWithin = 512 * 1024;

    /// <summary>The catch-up passes before the writer's checkpoint, however much the writes keep appending.</summary>
    private const int CatchUpPasses = 4;

    /// <summary>How long a checkpoint waits for readers and writers before it tries again after the next batch.</summary>
    private static readonly TimeSpan CheckpointBusyTimeout = TimeSpan.FromSeconds(1);

    /// <summary>Called by the writer before a batch: waits for a reset the previous batch started.</summary>
    public static Task BeforeWrite(SqliteDatabase database) => database.Checkpoints.Reset;

    /// <summary>Called by the writer after each committed batch: starts a reset or a passive checkpoint when one is due.</summary>
    public static void AfterWrite(SqliteDatabase database)
    {
        var state = database.Checkpoints;
        var length = LogLength(state);
        if (length >= 2 * ResetAt)
        {
            // The log grew on past twice the reset point while a checkpoint ran (a slow disk, a loaded machine): the
            // next batch waits for the checkpoint under way and then for a reset, so the bound holds whatever they took.
            state.Reset = ForceReset(database, state);
            return;
        }

        var resetDue = length >= ResetAt;
        var now = database.Time.GetTimestamp();
        if ((!resetDue && database.Time.GetElapsedTime(Interlocked.Read(ref state.LastStarted), now) < Interval)
            || Interlocked.CompareExchange(ref state.Running, 1, 0) != 0)
        {
            // A passive checkpoint still runs: a due reset waits for a batch after it.
            return;
        }

        if (resetDue && Interlocked.Exchange(ref state.CaughtUp, 0) == 1)
        {
            // No commit runs until this one is done, so it copies every frame the readers allow, and the next commit
            // rewinds the log.
            state.Reset = state.Current = Task.Run(() => Run(state, () => Checkpoint(database, state, "PASSIVE")));
            return;
        }

        Interlocked.Exchange(ref state.LastStarted, now);
        state.Current = Task.Run(() => Run(state, resetDue ? () => CatchUp(database, state) : () => Checkpoint(database, state, "PASSIVE")));
    }

    /// <summary>
    /// Before the checkpoint the writer waits for, passive ones copy nearly the whole log while the writes go on, so
    /// that it has only the last few batches to copy (the writer waited ~30 ms for a whole log).
    /// </summary>
    private static async Task CatchUp(SqliteDatabase database, State state)
    {
        for (var pass = 0; pass < CatchUpPasses; pass++)
        {
            var before = LogLength(state);
            await Checkpoint(database, state, "PASSIVE");
            if (LogLength(state) - before < CaughtUpWithin)
            {
                break;
            }
        }

        Interlocked.Exchange(ref state.CaughtUp, 1);
    }

    /// <summary>The log's bytes in use after the last commit of this process (<see cref="WalFrames"/>).</summary>
    private static long LogLength(State state) => WalFrames.Bytes(Volatile.Read(ref state.Frames));

    /// <summary>Only the writer starts checkpoints, and it waits for this one: once the current one is done, none runs.</summary>
    private static async Task ForceReset(SqliteDatabase database, State state)
    {
        await state.Current;
        Interlocked.Exchange(ref state.Running, 1);
        Interlocked.Exchange(ref state.CaughtUp, 0);
        await Run(state, () => Checkpoint(database, state, "TRUNCATE"));
    }

    private static async Task Run(State state, Func<Task> checkpoint)
    {
        try
        {
            await checkpoint();
        }
        catch (Exception)
        {
            // Nothing is lost: the log keeps every committed page, and the next checkpoint copies them. A reset must
            // not fail either: the next batch waits for it.
        }
        finally
        {
            Interlocked.Exchange(ref state.Running, 0);
        }
    }

    /// <summary>
    /// Both kinds run on one connection of their own, outside the pool, whose busy timeouts (SQLite's and
    /// Microsoft.Data.Sqlite's own retry) are short: a pooled connection waits up to 30 s on a busy log, and a
    /// checkpoint held up that long kept every later reset from starting while the log grew past 600 MB. A reader in
    /// another process that holds on to the log must not stall this process's writes either. A checkpoint that gives up
    /// copies what it could and is tried again after the next batch.
    /// </summary>
    private static async Task Checkpoint(SqliteDatabase database, State state, string mode)
    {
        if (state.Checkpointer is null)
        {
            var connection = new SqliteConnection(new SqliteConnectionStringBuilder(database.ConnectionString)
            {
                Pooling = false,
                DefaultTimeout = (int)CheckpointBusyTimeout.TotalSeconds,
            }.ToString());
            await connection.OpenAsync();
            await SqliteDatabase.Execute(connection, $"PRAGMA busy_timeout = {CheckpointBusyTimeout.TotalMilliseconds};", CancellationToken.None);
            state.Checkpointer = connection;
        }

        await SqliteDatabase.Execute(state.Checkpointer, $"PRAGMA wal_checkpoint({mode});", CancellationToken.None);
    }

    /// <summary>Waits for the checkpoint under way and closes the checkpointer's connection (the database is being disposed).</summary>
    public static async Task Close(State state)
    {
        await Task.WhenAll(state.Current, state.Reset);
        if (Interlocked.Exchange(ref state.Checkpointer, null) is { } connection)
        {
            await connection.DisposeAsync();
        }
    }

    /// <summary>The checkpoints of one file, held by its <see cref="SqliteDatabase"/> (one per file and process).</summary>
    internal sealed class State
    {
        public State() => Handle = GCHandle.ToIntPtr(GCHandle.Alloc(this, GCHandleType.Weak));

        /// <summary>What the connections' <see cref="WalFrames"/> hooks find this state by.</summary>
        public readonly nint Handle;

        /// <summary>The frames in the log after the last commit of this process.</summary>
        public int Frames;
        public long LastStarted = long.MinValue / 2;
        public int Running;
        public int CaughtUp;
        public Task Reset = Task.CompletedTask;
        public Task Current = Task.CompletedTask;
        public SqliteConnection? Checkpointer;
    }
}
