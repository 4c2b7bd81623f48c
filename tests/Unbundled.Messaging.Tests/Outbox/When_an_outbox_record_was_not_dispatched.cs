using Unbundled.Messaging.Outbox;
using Unbundled.Messaging.Tests.Commands;
using Unbundled.Messaging.Tests.Handlers;
using Unbundled.Messaging.Tests.Infrastructure;
using Unbundled.Messaging.TransportTests.Infrastructure;

namespace Unbundled.Messaging.Tests.Outbox;

/// <summary>An earlier attempt stored its outgoing messages and died before dispatching them.</summary>
public class When_an_outbox_record_was_not_dispatched : TransportTest<EmbeddedWorld>
{
    private static readonly byte[] StoredBody = """{"OrderId":"o-1"}"""u8.ToArray();

    private readonly SharedOutboxPersistence persistence = new();

    [Fact]
    public async Task Should_dispatch_the_stored_messages_with_their_ids_and_run_no_handler()
    {
        await StoreUndispatched("order-1", new OutboxOperation("bill-order-1", BillOrderHeaders("bill-order-1"), StoredBody, "Billing", EventType: null));
        var audit = await SpyOn("audit");
        var billing = await SpyOn("Billing");
        await StartEndpoint("Sales", c => c
            .RegisterHandler<PlaceOrderHandler>()
            .UsePersistence(persistence)
            .EnableOutbox()
            .AuditProcessedMessagesTo("audit"));

        await DispatchRaw("Sales", PlaceOrderHeaders("order-1"), """{"OrderId":"o-1"}"""u8.ToArray());

        var billed = await billing.Next();
        Assert.Equal("bill-order-1", billed.Headers[Headers.MessageId]);
        Assert.Equal("stored", billed.Headers["Origin"]);
        Assert.Equal(StoredBody, billed.Body.ToArray());
        await audit.Next();
        Assert.True(await Observations.NothingMoreWithin(TimeSpan.FromMilliseconds(200)));
        Assert.True(await billing.NothingWithin(TimeSpan.FromMilliseconds(200)));
    }

    [Fact]
    public async Task Should_mark_the_record_as_dispatched()
    {
        await StoreUndispatched("order-1", new OutboxOperation("bill-order-1", BillOrderHeaders("bill-order-1"), StoredBody, "Billing", EventType: null));
        var audit = await SpyOn("audit");
        await StartEndpoint("Sales", c => c
            .RegisterHandler<PlaceOrderHandler>()
            .UsePersistence(persistence)
            .EnableOutbox()
            .AuditProcessedMessagesTo("audit"));

        await DispatchRaw("Sales", PlaceOrderHeaders("order-1"), """{"OrderId":"o-1"}"""u8.ToArray());
        await audit.Next();

        var record = await persistence.Storage.Get("order-1");
        Assert.True(record!.Dispatched);
    }

    private async Task StoreUndispatched(string messageId, params OutboxOperation[] operations)
    {
        await using var transaction = await persistence.Storage.BeginTransaction();
        await persistence.Storage.Store(new OutboxRecord(messageId, operations), transaction);
        await transaction.Commit();
    }

    private static Dictionary<string, string> BillOrderHeaders(string messageId) => new()
    {
        [Headers.MessageId] = messageId,
        [Headers.EnclosedMessageTypes] = typeof(BillOrder).AssemblyQualifiedName!,
        [Headers.ContentType] = "application/json",
        [Headers.MessageIntent] = "Send",
        ["Origin"] = "stored",
    };

    private static Dictionary<string, string> PlaceOrderHeaders(string messageId) => new()
    {
        [Headers.MessageId] = messageId,
        [Headers.EnclosedMessageTypes] = typeof(PlaceOrder).AssemblyQualifiedName!,
        [Headers.ContentType] = "application/json",
        [Headers.MessageIntent] = "Send",
    };
}
