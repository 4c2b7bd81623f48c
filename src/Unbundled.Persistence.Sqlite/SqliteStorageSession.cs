using Microsoft.Data.Sqlite;
using Unbundled.Messaging;

namespace Unbundled.Persistence.Sqlite;

/// <summary>
/// The unit of work of the message being processed. Handlers read committed state through <see cref="Query"/> and
/// queue their writes with <see cref="Write"/>; the writes and the outbox record commit together, all or nothing, once the
/// handlers are done (see <see cref="BatchedWrites"/>). Nothing holds the write lock while a handler runs, so a decision
/// made on a read is guarded by the write itself: a unique key or a condition that fails if another message got there
/// first, which fails this message's unit and retries the message against the newer state.
/// </summary>
/// <remarks>A handler's query does not see the writes it has queued: they are not in the database until the commit.</remarks>
public sealed class SqliteStorageSession : ISynchronizedStorageSession
{
    private readonly SqliteConnection connection;
    private readonly List<BatchedStatement> writes = [];

    internal SqliteStorageSession(SqliteConnection connection) => this.connection = connection;

    internal IReadOnlyList<BatchedStatement> Writes => writes;

    /// <summary>The SQLite session behind a message's synchronized storage session.</summary>
    public static SqliteStorageSession From(ISynchronizedStorageSession session) =>
        session as SqliteStorageSession
        ?? throw new InvalidOperationException($"The storage session is a {session.GetType().Name}, not SQLite's: is the endpoint on the embedded shell?");

    /// <summary>A command that reads what is committed; dispose it.</summary>
    public SqliteCommand Query(string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }

    /// <summary>Queues a write, committed with the message's outbox record.</summary>
    public void Write(string sql, params (string Name, object? Value)[] parameters) => writes.Add(new BatchedStatement(sql, parameters));
}
