using Microsoft.Data.Sqlite;
using Unbundled.Messaging;

namespace Unbundled.Persistence.Sqlite;

/// <summary>
/// The unit of work of the message being processed. Handlers read committed state through <see cref="Read"/> and
/// queue their writes with <see cref="Write"/>; the writes and the outbox record commit together, all or nothing, once the
/// handlers are done (see <see cref="BatchedWrites"/>). Nothing holds the write lock while a handler runs, so a decision
/// made on a read is guarded by the write itself: a unique key or a condition that fails if another message got there
/// first, which fails this message's unit and retries the message against the newer state.
/// </summary>
/// <remarks>A handler's read does not see the writes it has queued: they are not in the database until the commit.</remarks>
public sealed class SqliteStorageSession : ISynchronizedStorageSession
{
    private readonly PreparedConnection connection;
    private readonly List<BatchedStatement> writes = [];

    internal SqliteStorageSession(PreparedConnection connection) => this.connection = connection;

    internal IReadOnlyList<BatchedStatement> Writes => writes;

    /// <summary>The SQLite session behind a message's synchronized storage session.</summary>
    public static SqliteStorageSession From(ISynchronizedStorageSession session) =>
        session as SqliteStorageSession
        ?? throw new InvalidOperationException($"The storage session is a {session.GetType().Name}, not SQLite's: is the endpoint on the embedded shell?");

    /// <summary>Runs a query on what is committed, its statement prepared once per connection; dispose the reader.</summary>
    public Task<SqliteDataReader> Read(string sql, params (string Name, object? Value)[] parameters) => connection.Read(sql, parameters);

    /// <summary>Queues a write, committed with the message's outbox record.</summary>
    public void Write(string sql, params (string Name, object? Value)[] parameters) => writes.Add(new BatchedStatement(sql, parameters));
}
