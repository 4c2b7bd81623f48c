using System.Runtime.ExceptionServices;
using Microsoft.Data.Sqlite;
using Unbundled.Messaging.Batching;

namespace Unbundled.Persistence.Sqlite;

/// <summary>
/// Every write of this process to one database file goes through here: a message's unit of work (its handlers' writes
/// and its outbox record), a read-model save, an outbox dispatch mark. One batch is written at a time, and the units that
/// arrive meanwhile commit together in the next, in one transaction. So the process's writers never meet in SQLite's
/// busy handler (which sleeps 1, 2, 5, 10 ms and more while the processor idles), the write lock is held only for the
/// statements themselves, never while a handler runs, and a commit is paid once for many messages. Other processes on
/// the same file still meet the busy handler.
/// </summary>
/// <remarks>
/// Units stay atomic and independent within a batch: a unit of several statements runs in its own savepoint, and one
/// that breaks a constraint (the email another message claimed first, a message already recorded by a concurrent
/// delivery) is rolled back alone and fails alone, while the rest of the batch commits. Any other error fails the
/// whole batch, and each message is retried.
/// </remarks>
internal static class BatchedWrites
{
    private const int ConstraintViolation = 19; // SQLITE_CONSTRAINT

    /// <summary>Completes once <paramref name="statement"/> is committed.</summary>
    public static Task Add(SqliteDatabase database, BatchedStatement statement) => Commit(database, [statement]);

    /// <summary>
    /// Completes once every statement of <paramref name="unit"/> is committed, or fails, having written none of them.
    /// </summary>
    /// <exception cref="SqliteException">A statement of the unit broke a constraint; nothing of the unit was written.</exception>
    public static async Task Commit(SqliteDatabase database, IReadOnlyList<BatchedStatement> unit)
    {
        if (unit.Count == 0)
        {
            return;
        }

        if (await database.Writer.Add(unit) is { } failure)
        {
            ExceptionDispatchInfo.Throw(failure);
        }
    }

    /// <summary>Completes once every write of this process to the file queued so far is committed (or failed).</summary>
    public static Task WhenIdle(SqliteDatabase database) => database.Writer.WhenIdle();

    /// <summary>The writer of <paramref name="database"/>, which holds it: one per database object, that is per file and process.</summary>
    public static RequestBatcher<IReadOnlyList<BatchedStatement>, Exception?> WriterFor(SqliteDatabase database) =>
        new(int.MaxValue, batch => Write(database, batch));

    private static async Task<Exception?[]> Write(SqliteDatabase database, IReadOnlyList<IReadOnlyList<BatchedStatement>> units)
    {
        await WalCheckpoints.BeforeWrite(database);
        var failures = new Exception?[units.Count];
        await using var lease = await database.Rent(CancellationToken.None);
        var connection = lease.Connection;
        await using var transaction = (SqliteTransaction)await connection.Connection.BeginTransactionAsync();
        for (var i = 0; i < units.Count; i++)
        {
            failures[i] = await TryWrite(units[i], connection, transaction);
        }

        await transaction.CommitAsync();
        WalCheckpoints.AfterWrite(database);
        return failures;
    }

    /// <summary>Writes one unit, or nothing of it when it breaks a constraint: that failure is the unit's own.</summary>
    private static async Task<SqliteException?> TryWrite(
        IReadOnlyList<BatchedStatement> unit, PreparedConnection connection, SqliteTransaction transaction)
    {
        var several = unit.Count > 1;
        if (several)
        {
            await connection.Execute(Savepoint.Begin, transaction);
        }

        try
        {
            foreach (var statement in unit)
            {
                await connection.Execute(statement, transaction);
            }
        }
        catch (SqliteException e) when (e.SqliteErrorCode == ConstraintViolation)
        {
            // A failing statement undoes only itself; the savepoint undoes the unit's statements before it.
            if (several)
            {
                await connection.Execute(Savepoint.RollBack, transaction);
                await connection.Execute(Savepoint.Release, transaction);
            }

            return e;
        }

        if (several)
        {
            await connection.Execute(Savepoint.Release, transaction);
        }

        return null;
    }

    private static class Savepoint
    {
        public static readonly BatchedStatement Begin = new("SAVEPOINT unit");
        public static readonly BatchedStatement RollBack = new("ROLLBACK TO unit");
        public static readonly BatchedStatement Release = new("RELEASE unit");
    }
}
