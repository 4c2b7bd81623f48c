using Unbundled.Messaging.Outbox;

namespace Unbundled.Messaging.Tests.Infrastructure;

/// <summary>
/// In-memory outbox persistence whose one store the test can reach too (InMemoryPersistence makes a new store per call),
/// so a test can put in a record as an earlier, interrupted attempt would have left it.
/// </summary>
internal sealed class SharedOutboxPersistence : PersistenceDefinition
{
    public IOutboxStorage Storage { get; } = new InMemoryOutboxStorage();

    public override IOutboxStorage CreateOutboxStorage(string endpointName) => Storage;
}
