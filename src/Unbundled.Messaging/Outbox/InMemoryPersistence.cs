namespace Unbundled.Messaging.Outbox;

/// <summary>A process-local outbox: deduplicates redeliveries while the process lives. For tests and learning.</summary>
public sealed class InMemoryPersistence : PersistenceDefinition
{
    public override IOutboxStorage CreateOutboxStorage(string endpointName) => new InMemoryOutboxStorage();
}
