using Unbundled.Messaging;
using Unbundled.Messaging.Outbox;

namespace Unbundled.Persistence.DynamoDB.Outbox;

/// <summary>The unit of work of one message: nothing reaches DynamoDB before <see cref="Commit"/>, so disposing rolls back.</summary>
internal sealed class DynamoDbOutboxTransaction(DynamoDbStorageSession storage) : IOutboxTransaction
{
    public DynamoDbStorageSession Storage => storage;

    public ISynchronizedStorageSession Session => storage;

    public Task Commit(CancellationToken cancellationToken = default) => storage.Commit(cancellationToken);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
