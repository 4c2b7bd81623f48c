using Microsoft.Data.Sqlite;
using Unbundled.Messaging;
using Unbundled.Messaging.Outbox;

namespace Unbundled.Persistence.Sqlite;

/// <summary>
/// The unit of work of one message: an IMMEDIATE transaction (the write lock is taken up front, so two invites of one
/// email queue up instead of failing on upgrade) that holds the handlers' writes and the outbox record.
/// </summary>
internal sealed class SqliteOutboxTransaction : IOutboxTransaction
{
    private readonly WriteTurns.Turn turn;
    private readonly SqliteConnection connection;
    private readonly SqliteTransaction transaction;

    private SqliteOutboxTransaction(WriteTurns.Turn turn, SqliteConnection connection, SqliteTransaction transaction)
    {
        this.turn = turn;
        this.connection = connection;
        this.transaction = transaction;
        Storage = new SqliteStorageSession(connection, transaction);
    }

    public SqliteStorageSession Storage { get; }

    public ISynchronizedStorageSession Session => Storage;

    public static async Task<SqliteOutboxTransaction> Begin(SqliteDatabase database, CancellationToken cancellationToken)
    {
        // Open before taking the turn: the turn covers only the transaction itself.
        var connection = await database.Open(cancellationToken);
        WriteTurns.Turn? turn = null;
        try
        {
            turn = await database.TakeWriteTurn(cancellationToken);
            var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            return new SqliteOutboxTransaction(turn, connection, transaction);
        }
        catch
        {
            turn?.Dispose();
            await connection.DisposeAsync();
            throw;
        }
    }

    public Task Commit(CancellationToken cancellationToken = default) => transaction.CommitAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await transaction.DisposeAsync();
            await connection.DisposeAsync();
        }
        finally
        {
            turn.Dispose();
        }
    }
}
