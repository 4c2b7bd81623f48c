using Microsoft.Data.Sqlite;
using Unbundled.Messaging;
using Unbundled.Messaging.Outbox;

namespace Unbundled.Persistence.Sqlite;

/// <summary>
/// The unit of work of one message: a connection for the handlers' reads and the writes they queue, committed with the
/// outbox record in the process's next shared write batch. Disposed without a commit, it writes nothing.
/// </summary>
internal sealed class SqliteOutboxTransaction : IOutboxTransaction
{
    private readonly SqliteDatabase database;
    private readonly SqliteConnection connection;

    private SqliteOutboxTransaction(SqliteDatabase database, SqliteConnection connection)
    {
        this.database = database;
        this.connection = connection;
        Storage = new SqliteStorageSession(connection);
    }

    public SqliteStorageSession Storage { get; }

    public ISynchronizedStorageSession Session => Storage;

    public static async Task<SqliteOutboxTransaction> Begin(SqliteDatabase database, CancellationToken cancellationToken) =>
        new(database, await database.Open(cancellationToken));

    public Task Commit(CancellationToken cancellationToken = default) =>
        BatchedWrites.Commit(database, Storage.Writes).WaitAsync(cancellationToken);

    public ValueTask DisposeAsync() => connection.DisposeAsync();
}
