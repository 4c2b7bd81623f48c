using Unbundled.Messaging.Outbox;
using Unbundled.Messaging.Tests.Commands;
using Unbundled.Messaging.Tests.Handlers;
using Unbundled.Messaging.TransportTests.Infrastructure;

namespace Unbundled.Messaging.Tests.Outbox;

public class When_a_message_is_delivered_twice : TransportTest<EmbeddedWorld>
{
    [Fact]
    public async Task Should_run_the_handler_once_and_dispatch_its_message_once()
    {
        var audit = await SpyOn("audit");
        var billing = await SpyOn("Billing");
        await StartEndpoint("Sales", c => c
            .RegisterHandler<PlaceOrderHandler>()
            .UsePersistence(new InMemoryPersistence())
            .EnableOutbox()
            .AuditProcessedMessagesTo("audit"));

        // The second delivery follows the first, as a broker's redelivery would; the audit copy marks each one done.
        await DispatchRaw("Sales", PlaceOrderHeaders("order-1"), """{"OrderId":"o-1"}"""u8.ToArray());
        await audit.Next();
        await DispatchRaw("Sales", PlaceOrderHeaders("order-1"), """{"OrderId":"o-1"}"""u8.ToArray());
        await audit.Next();

        var handled = await Observations.Next();
        Assert.Equal(new PlaceOrder("o-1"), handled.Message);
        Assert.True(await Observations.NothingMoreWithin(TimeSpan.FromMilliseconds(200)));
        var billed = await billing.Next();
        Assert.Equal("order-1", billed.Headers[Headers.RelatedTo]);
        Assert.True(await billing.NothingWithin(Scenario.QuietPeriod));
    }

    [Fact]
    public async Task Should_process_a_different_message_id_again()
    {
        var audit = await SpyOn("audit");
        await StartEndpoint("Sales", c => c
            .RegisterHandler<PlaceOrderHandler>()
            .UsePersistence(new InMemoryPersistence())
            .EnableOutbox()
            .AuditProcessedMessagesTo("audit"));

        await DispatchRaw("Sales", PlaceOrderHeaders("order-1"), """{"OrderId":"o-1"}"""u8.ToArray());
        await audit.Next();
        await DispatchRaw("Sales", PlaceOrderHeaders("order-2"), """{"OrderId":"o-1"}"""u8.ToArray());
        await audit.Next();

        Assert.Equal(2, (await Observations.Take(2)).Count);
    }

    private static Dictionary<string, string> PlaceOrderHeaders(string messageId) => new()
    {
        [Headers.MessageId] = messageId,
        [Headers.EnclosedMessageTypes] = typeof(PlaceOrder).AssemblyQualifiedName!,
        [Headers.ContentType] = "application/json",
        [Headers.MessageIntent] = "Send",
    };
}
