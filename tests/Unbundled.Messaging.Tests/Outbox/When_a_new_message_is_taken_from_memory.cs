using System.Collections.Concurrent;
using Unbundled.Messaging.Outbox;
using Unbundled.Messaging.Tests.Commands;
using Unbundled.Messaging.Tests.Handlers;
using Unbundled.Messaging.TransportTests.Infrastructure;

namespace Unbundled.Messaging.Tests.Outbox;

/// <summary>
/// A message sent in this process to a receiver with a free slot is processed from memory; on its first attempt no
/// outbox record can exist for it, so none is looked up. A message id chosen by hand may repeat: it is looked up.
/// </summary>
public class When_a_new_message_is_taken_from_memory : TransportTest<EmbeddedWorld>
{
    [Fact]
    public async Task Should_process_its_first_attempt_without_looking_up_an_outbox_record()
    {
        var outbox = new CountingOutbox();
        var sales = await StartSales(outbox);

        await sales.SendLocal(new PlaceOrder("o-1"));

        var handled = await Observations.Next();
        Assert.Equal(new PlaceOrder("o-1"), handled.Message);
        Assert.Empty(outbox.Lookups);
    }

    [Fact]
    public async Task Should_look_up_a_message_id_chosen_by_hand_and_deduplicate_it()
    {
        var outbox = new CountingOutbox();
        var sales = await StartSales(outbox);
        var billing = await SpyOn("Billing");

        await sales.Send(new PlaceOrder("o-1"), WithId("chosen-by-hand"));
        await billing.Next();
        await sales.Send(new PlaceOrder("o-1"), WithId("chosen-by-hand"));

        Assert.Single(await Observations.Take(1));
        Assert.True(await Observations.NothingMoreWithin(TimeSpan.FromMilliseconds(300)));
        Assert.True(await billing.NothingWithin(Scenario.QuietPeriod));
        Assert.Equal(2, outbox.Lookups.Count(id => id == "chosen-by-hand"));
    }

    private Task<IEndpointInstance> StartSales(CountingOutbox outbox) =>
        StartEndpoint("Sales", c => c.RegisterHandler<PlaceOrderHandler>().UsePersistence(outbox).EnableOutbox());

    private static SendOptions WithId(string messageId)
    {
        var options = new SendOptions();
        options.SetMessageId(messageId);
        options.RouteToThisEndpoint();
        return options;
    }

    /// <summary>The in-memory outbox, recording the message ids it was asked for.</summary>
    private sealed class CountingOutbox : PersistenceDefinition, IOutboxStorage
    {
        private readonly InMemoryOutboxStorage inner = new();

        public ConcurrentBag<string> Lookups { get; } = [];

        public override IOutboxStorage CreateOutboxStorage(string endpointName) => this;

        public Task<OutboxRecord?> Get(string messageId, CancellationToken cancellationToken = default)
        {
            Lookups.Add(messageId);
            return inner.Get(messageId, cancellationToken);
        }

        public Task<IOutboxTransaction> BeginTransaction(CancellationToken cancellationToken = default) => inner.BeginTransaction(cancellationToken);

        public Task Store(OutboxRecord record, IOutboxTransaction transaction, CancellationToken cancellationToken = default) =>
            inner.Store(record, transaction, cancellationToken);

        public Task SetAsDispatched(string messageId, CancellationToken cancellationToken = default) => inner.SetAsDispatched(messageId, cancellationToken);
    }
}
