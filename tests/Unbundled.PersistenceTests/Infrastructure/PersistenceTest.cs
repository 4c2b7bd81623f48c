using Unbundled.Messaging.Outbox;
using Unbundled.Messaging.Transport;
using Xunit;

namespace Unbundled.PersistenceTests.Infrastructure;

public abstract class PersistenceTest<TWorld> : IAsyncLifetime
    where TWorld : IPersistenceWorld, new()
{
    protected TWorld World { get; } = new();

    protected IOutboxStorage Outbox => World.Persistence.CreateOutboxStorage("Endpoint");

    public Task InitializeAsync() => World.InitializeAsync();

    public Task DisposeAsync() => World.DisposeAsync();

    protected static OutboxOperation Send(string id, string destination) => OutboxOperation.From(new UnicastTransportOperation(
        new OutgoingMessage(id, new Dictionary<string, string> { ["NServiceBus.MessageId"] = id, ["Custom"] = "ä é 💡" }, "{\"A\":1}"u8.ToArray()),
        destination,
        new DispatchProperties { DelayDeliveryWith = TimeSpan.FromSeconds(30) }));

    protected static OutboxOperation Publish(string id, Type eventType) => OutboxOperation.From(new MulticastTransportOperation(
        new OutgoingMessage(id, new Dictionary<string, string> { ["NServiceBus.MessageId"] = id }, "{}"u8.ToArray()),
        eventType,
        DispatchProperties.None));
}
