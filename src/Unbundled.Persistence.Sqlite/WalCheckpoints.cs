using System.Diagnostics;
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
/// <item>Once the log passes <see cref="ResetAt"/>, the process's single writer (<see cref="BatchedWrites"/>) takes a
/// TRUNCATE checkpoint between two batches: it copies the little the passive ones left, waits for the readers still
/// on the log and empties it. The next batch waits for it, no commit runs inside it, and it comes once per
/// <see cref="ResetAt"/> of log, so few mutations meet it.</item>
/// </list>
/// </summary>
internal static class WalCheckpoints
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);

    /// <summary>The log size at which the writer resets it.</summary>
    public const long ResetAt = 16 * 1024 * 1024;

    /// <summary>The size the log stays under, documented in docs/sqlite-wal.md: the reset point and what piles up meanwhile.</summary>
    public const long Limit = 64 * 1024 * 1024;

    /// <summary>How long a checkpoint waits for readers and writers before it tries again after the next batch.</summary>
    private static readonly TimeSpan CheckpointBusyTimeout = TimeSpan.FromSeconds(1);

    /// <summary>Called by the writer before a batch: waits for a reset the previous batch started.</summary>
    public static Task BeforeWrite(SqliteDatabase database) => StateOf(database).Reset;

    /// <summary>Called by the writer after each committed batch: starts a reset or a passive checkpoint when one is due.</summary>
    public static void AfterWrite(SqliteDatabase database)
    {
        var state = StateOf(database);
        state.Log.Refresh();
        var length = state.Log.Exists ? state.Log.Length : 0;
        if (length >= 2 * ResetAt)
        {
            // The log grew on past twice the reset point while a checkpoint ran (a slow disk, a loaded machine): the
            // next batch waits for the checkpoint under way and then for a reset, so the bound holds whatever they took.
            state.Reset = ForceReset(database, state);
            return;
        }

        var resetDue = length >= ResetAt;
        var now = Stopwatch.GetTimestamp();
        if ((!resetDue && Stopwatch.GetElapsedTime(Interlocked.Read(ref state.LastStarted), now) < Interval)
            || Interlocked.CompareExchange(ref state.Running, 1, 0) != 0)
        {
            // A passive checkpoint still runs: a due reset waits for a batch after it.
            return;
        }

        if (resetDue && Interlocked.Exchange(ref state.CaughtUp, 0) == 1)
        {
            state.Reset = state.Current = Task.Run(() => Run(state, () => Checkpoint(database, state, "TRUNCATE")));
            return;
        }

        // Before a reset, a passive checkpoint copies nearly the whole log while the writes go on, so that the reset,
        // which holds up the next batch, has only the last few batches to copy (it held up the writes ~30 ms without).
        Interlocked.Exchange(ref state.LastStarted, now);
        state.Current = Task.Run(() => Run(state, async () =>
        {
            await Checkpoint(database, state, "PASSIVE");
            if (resetDue)
            {
                Interlocked.Exchange(ref state.CaughtUp, 1);
            }
        }));
    }

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

    private static State StateOf(SqliteDatabase database) => database.Checkpoints;

    /// <summary>The checkpoints of one file, held by its <see cref="SqliteDatabase"/> (one per file and process).</summary>
    internal sealed class State(string databasePath)
    {
        public readonly FileInfo Log = new(databasePath + "-wal");
        public long LastStarted = long.MinValue / 2;
        public int Running;
        public int CaughtUp;
        public Task Reset = Task.CompletedTask;
        public Task Current = Task.CompletedTask;
        public SqliteConnection? Checkpointer;
    }
}
