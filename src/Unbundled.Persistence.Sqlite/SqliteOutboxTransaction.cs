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
    private readonly SqliteDatabase.Lease lease;

    private SqliteOutboxTransaction(SqliteDatabase database, SqliteDatabase.Lease lease)
    {
        this.database = database;
        this.lease = lease;
        Storage = new SqliteStorageSession(lease.Connection);
    }

    public SqliteStorageSession Storage { get; }

    public ISynchronizedStorageSession Session => Storage;

    public static async Task<SqliteOutboxTransaction> Begin(SqliteDatabase database, CancellationToken cancellationToken) =>
        new(database, await database.Rent(cancellationToken));

    public Task Commit(CancellationToken cancellationToken = default) =>
        BatchedWrites.Commit(database, Storage.Writes).WaitAsync(cancellationToken);

    public ValueTask DisposeAsync() => lease.DisposeAsync();
}
