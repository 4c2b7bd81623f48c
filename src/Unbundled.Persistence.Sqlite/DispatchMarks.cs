using Microsoft.Data.Sqlite;

namespace Unbundled.Persistence.Sqlite;

/// <summary>
/// Marks outbox records as dispatched in batches, off the message's path: one short write transaction for many messages
/// instead of one each, so the write lock goes to the next message sooner. If the process dies before a batch is written,
/// a redelivery finds its record undispatched and sends the same messages (same ids) again: at least once, never lost.
/// </summary>
internal sealed class DispatchMarks
{
    private readonly SqliteDatabase database;
    private readonly string endpoint;
    private readonly TimeSpan timeToKeep;
    private readonly WriteBatcher<string> batcher;
    private long nextCleanup;

    public DispatchMarks(SqliteDatabase database, string endpoint, TimeSpan timeToKeep)
    {
        this.database = database;
        this.endpoint = endpoint;
        this.timeToKeep = timeToKeep;
        batcher = new WriteBatcher<string>(Write);
    }

    /// <summary>Completes when the mark is committed.</summary>
    public Task Add(string messageId) => batcher.Add(messageId);

    private async Task Write(List<string> batch)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        using var turn = await database.TakeWriteTurn(CancellationToken.None);
        await using var connection = await database.Open(CancellationToken.None);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            UPDATE outbox SET dispatched = 1, dispatched_at = $now, operations = NULL
            WHERE endpoint = $endpoint AND message_id = $id
            """;
        command.Parameters.AddWithValue("$now", now);
        command.Parameters.AddWithValue("$endpoint", endpoint);
        var id = command.Parameters.Add("$id", SqliteType.Text);
        foreach (var messageId in batch)
        {
            id.Value = messageId;
            await command.ExecuteNonQueryAsync();
        }

        if (now >= nextCleanup)
        {
            nextCleanup = now + 3600;
            command.CommandText = "DELETE FROM outbox WHERE endpoint = $endpoint AND dispatched = 1 AND dispatched_at < $before";
            command.Parameters.Clear();
            command.Parameters.AddWithValue("$endpoint", endpoint);
            command.Parameters.AddWithValue("$before", now - (long)timeToKeep.TotalSeconds);
            await command.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }
}
