using Unbundled.Messaging.Pipeline;
using Unbundled.Messaging.Tests.Commands;
using Unbundled.Messaging.Tests.Events;
using Unbundled.Messaging.Tests.Handlers;
using Unbundled.Messaging.Tests.Messages;

namespace Unbundled.Messaging.Tests.OutgoingMessages;

/// <summary>
/// Declared messages are what the topology (and terraform) is derived from; an endpoint that requires them refuses
/// anything undeclared, so the declarations cannot fall behind the code.
/// </summary>
public class When_an_endpoint_requires_declared_messages
{
    private static readonly IncomingMessage Request = SalesEndpoint.RequestFromShop;

    [Fact]
    public void Should_refuse_to_publish_an_event_nobody_declared()
    {
        var factory = SalesEndpoint.Factory(SalesEndpoint.Configuration().RequireDeclaredMessages());

        var error = Assert.Throws<InvalidOperationException>(() => factory.CreatePublish(new OrderPlaced("o-1"), new PublishOptions(), incoming: null));

        Assert.StartsWith($"Endpoint Sales publishes {typeof(OrderPlaced).FullName} without declaring it: declare it with endpoint.Publishes<T>()", error.Message);
    }

    [Fact]
    public void Should_refuse_to_send_or_reply_what_nobody_declared()
    {
        var factory = SalesEndpoint.Factory(SalesEndpoint.Configuration().RequireDeclaredMessages());

        Assert.Contains("sends", Assert.Throws<InvalidOperationException>(() => factory.CreateSend(new BillOrder("o-1"), new SendOptions(), null)).Message);
        Assert.Contains("replies", Assert.Throws<InvalidOperationException>(() => factory.CreateReply(new OrderAccepted("o-1"), new ReplyOptions(), Request)).Message);
    }

    [Fact]
    public void Should_let_through_what_its_handlers_declare_and_the_types_derived_from_it()
    {
        var factory = SalesEndpoint.Factory(SalesEndpoint.Configuration().RegisterHandler<AnnouncingOrderHandler>().RequireDeclaredMessages());

        Assert.Equal("Billing", factory.CreateSend(new BillOrder("o-1"), new SendOptions(), null).Destination);
        Assert.Equal(typeof(PriorityOrderPlaced), factory.CreatePublish(new PriorityOrderPlaced("o-1", 1), new PublishOptions(), null).MessageType);
        Assert.Equal("Shop", factory.CreateReply(new OrderAccepted("o-1"), new ReplyOptions(), Request).Destination);
    }

    [Fact]
    public void Should_let_through_what_the_endpoint_declares_for_its_sessions()
    {
        var factory = SalesEndpoint.Factory(SalesEndpoint.Configuration().Sends<BillOrder>().Publishes<OrderPlaced>().RequireDeclaredMessages());

        Assert.Equal("Billing", factory.CreateSend(new BillOrder("o-1"), new SendOptions(), null).Destination);
        Assert.Equal(typeof(OrderPlaced), factory.CreatePublish(new OrderPlaced("o-1"), new PublishOptions(), null).MessageType);
    }

    [Fact]
    public void Should_check_nothing_when_the_endpoint_does_not_require_declarations()
    {
        var factory = SalesEndpoint.Factory();

        Assert.Equal(typeof(OrderPlaced), factory.CreatePublish(new OrderPlaced("o-1"), new PublishOptions(), null).MessageType);
    }
}
