using System.Collections.Concurrent;

namespace Unbundled.Messaging.Outbox;

internal sealed class InMemoryOutboxStorage : IOutboxStorage
{
    private readonly ConcurrentDictionary<string, OutboxRecord> records = new(StringComparer.Ordinal);

    public Task<OutboxRecord?> Get(string messageId, CancellationToken cancellationToken = default) =>
        Task.FromResult(records.TryGetValue(messageId, out var record) ? record : null);

    public Task<IOutboxTransaction> BeginTransaction(CancellationToken cancellationToken = default) =>
        Task.FromResult<IOutboxTransaction>(new Transaction(records));

    public Task Store(OutboxRecord record, IOutboxTransaction transaction, CancellationToken cancellationToken = default)
    {
        ((Transaction)transaction).Pending = record;
        return Task.CompletedTask;
    }

    public Task SetAsDispatched(string messageId, CancellationToken cancellationToken = default)
    {
        records.AddOrUpdate(messageId, id => new OutboxRecord(id, [], true), (_, record) => record with { Dispatched = true, Operations = [] });
        return Task.CompletedTask;
    }

    private sealed class InMemoryStorageSession : ISynchronizedStorageSession;

    private sealed class Transaction(ConcurrentDictionary<string, OutboxRecord> records) : IOutboxTransaction
    {
        public OutboxRecord? Pending { get; set; }

        public ISynchronizedStorageSession Session { get; } = new InMemoryStorageSession();

        public Task Commit(CancellationToken cancellationToken = default)
        {
            if (Pending is { } record && !records.TryAdd(record.MessageId, record))
            {
                throw new InvalidOperationException($"Message {record.MessageId} was already processed by a concurrent delivery.");
            }

            return Task.CompletedTask;
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
