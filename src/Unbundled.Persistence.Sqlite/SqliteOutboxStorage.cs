using System.Text.Json;
using Unbundled.Messaging.Outbox;

namespace Unbundled.Persistence.Sqlite;

/// <summary>Outbox records of one endpoint: one row per incoming message id, operations as JSON until dispatched.</summary>
internal sealed class SqliteOutboxStorage(SqliteDatabase database, string endpoint, TimeSpan timeToKeep) : IOutboxStorage
{
    private readonly DispatchMarks marks = new(database, endpoint, timeToKeep);

    public async Task<OutboxRecord?> Get(string messageId, CancellationToken cancellationToken = default)
    {
        await using var lease = await database.Rent(cancellationToken);
        await using var reader = await lease.Connection.Read(
            "SELECT operations, dispatched FROM outbox WHERE endpoint = $endpoint AND message_id = $id", ("$endpoint", endpoint), ("$id", messageId));
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var dispatched = reader.GetBoolean(1);
        // UTF-8 JSON, stored as a blob.
        var operations = dispatched || reader.IsDBNull(0)
            ? []
            : JsonSerializer.Deserialize<List<OutboxOperation>>(reader.GetFieldValue<byte[]>(0))!;
        return new OutboxRecord(messageId, operations, dispatched);
    }

    public async Task<IOutboxTransaction> BeginTransaction(CancellationToken cancellationToken = default) =>
        await SqliteOutboxTransaction.Begin(database, cancellationToken);

    public Task Store(OutboxRecord record, IOutboxTransaction transaction, CancellationToken cancellationToken = default)
    {
        // A second delivery of the same message that got this far fails on the primary key and is retried, finding the record.
        ((SqliteOutboxTransaction)transaction).Storage.Write(
            "INSERT INTO outbox (endpoint, message_id, operations) VALUES ($endpoint, $id, $operations)",
            ("$endpoint", endpoint),
            ("$id", record.MessageId),
            // Bytes, not a string: the JSON is kilobytes, and a string would be built in UTF-16 only to be encoded again.
            ("$operations", JsonSerializer.SerializeToUtf8Bytes(record.Operations)));
        return Task.CompletedTask;
    }

    /// <summary>Queued and written in batches (<see cref="DispatchMarks"/>); the task ends when its batch is written.</summary>
    public Task SetAsDispatched(string messageId, CancellationToken cancellationToken = default) => marks.Add(messageId);
}
