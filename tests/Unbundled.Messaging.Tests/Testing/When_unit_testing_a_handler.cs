using Unbundled.Messaging.Testing;
using Unbundled.Messaging.Tests.Commands;
using Unbundled.Messaging.Tests.Events;
using Unbundled.Messaging.Tests.Messages;

namespace Unbundled.Messaging.Tests.Testing;

public class When_unit_testing_a_handler
{
    private readonly TestableMessageHandlerContext context = new() { Headers = { ["Tenant"] = "acme" } };

    [Fact]
    public async Task Should_record_what_it_sent_with_the_destination_delay_and_headers()
    {
        await new AcceptOrderHandler().Handle(new PlaceOrder("o-1"), context);

        var sent = Assert.Single(context.SentMessages);
        Assert.Equal(new BillOrder("o-1"), sent.Message);
        Assert.Equal("Billing", sent.Destination);
        Assert.Equal(TimeSpan.FromMinutes(5), sent.Delay);
        Assert.Equal("acme", sent.Options.GetHeaders()["Tenant"]);
    }

    [Fact]
    public async Task Should_record_what_it_published()
    {
        await new AcceptOrderHandler().Handle(new PlaceOrder("o-1"), context);

        Assert.Equal([new OrderPlaced("o-1")], context.Published<OrderPlaced>());
        Assert.Single(context.PublishedMessages);
    }

    [Fact]
    public async Task Should_record_what_it_replied()
    {
        await new AcceptOrderHandler().Handle(new PlaceOrder("o-1"), context);

        var replied = Assert.Single(context.RepliedMessages);
        Assert.Equal(new OrderAccepted("o-1"), replied.Message);
        Assert.Null(replied.Options.GetDestination());
    }

    [Fact]
    public async Task Should_tell_messages_apart_by_type()
    {
        await new AcceptOrderHandler().Handle(new PlaceOrder("o-1"), context);

        Assert.Equal([new BillOrder("o-1")], context.Sent<BillOrder>());
        Assert.Empty(context.Sent<PlaceOrder>());
        Assert.Equal([new OrderAccepted("o-1")], context.Replied<OrderAccepted>());
    }
}
