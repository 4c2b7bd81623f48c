using Unbundled.Messaging.Pipeline;
using Unbundled.Messaging.Tests.Commands;
using Unbundled.Messaging.Tests.Contracts;
using Unbundled.Messaging.Tests.Events;

namespace Unbundled.Messaging.Tests.OutgoingMessages;

public class When_an_operation_breaks_the_messaging_rules
{
    private static readonly IncomingMessage Request = SalesEndpoint.RequestFromShop;

    private readonly OutgoingMessageFactory factory = SalesEndpoint.Factory();

    [Fact]
    public void Should_refuse_to_send_an_event()
    {
        var error = Assert.Throws<InvalidOperationException>(() => factory.CreateSend(new OrderPlaced("o-1"), To("Billing"), incoming: null));

        Assert.Equal($"{typeof(OrderPlaced).FullName} is an event: publish it instead of sending it.", error.Message);
    }

    [Fact]
    public void Should_refuse_to_publish_a_command()
    {
        var error = Assert.Throws<InvalidOperationException>(() => factory.CreatePublish(new BillOrder("o-1"), new PublishOptions(), incoming: null));

        Assert.Equal($"{typeof(BillOrder).FullName} is not an event: only events can be published.", error.Message);
    }

    [Fact]
    public void Should_refuse_to_reply_with_a_command()
    {
        var error = Assert.Throws<InvalidOperationException>(() => factory.CreateReply(new BillOrder("o-1"), new ReplyOptions(), Request));

        Assert.Contains("reply with a plain message", error.Message);
    }

    [Fact]
    public void Should_refuse_to_reply_with_an_event()
    {
        var error = Assert.Throws<InvalidOperationException>(() => factory.CreateReply(new OrderPlaced("o-1"), new ReplyOptions(), Request));

        Assert.Contains("reply with a plain message", error.Message);
    }

    [Fact]
    public void Should_refuse_to_send_a_type_that_no_convention_makes_a_message()
    {
        var error = Assert.Throws<InvalidOperationException>(() => factory.CreateSend(new Invoice("i-1"), To("Billing"), incoming: null));

        Assert.Contains($"{typeof(Invoice).FullName} is not a message type", error.Message);
    }

    [Fact]
    public void Should_say_a_type_is_no_message_rather_than_ask_for_a_route_for_it()
    {
        var error = Assert.Throws<InvalidOperationException>(() => factory.CreateSend(new Invoice("i-1"), new SendOptions(), incoming: null));

        Assert.Contains($"{typeof(Invoice).FullName} is not a message type", error.Message);
    }

    [Fact]
    public void Should_refuse_to_reply_with_a_type_that_no_convention_makes_a_message()
    {
        var error = Assert.Throws<InvalidOperationException>(() => factory.CreateReply(new Invoice("i-1"), new ReplyOptions(), Request));

        Assert.Contains($"{typeof(Invoice).FullName} is not a message type", error.Message);
    }

    [Fact]
    public void Should_refuse_to_send_a_command_that_has_no_route()
    {
        var error = Assert.Throws<InvalidOperationException>(() => factory.CreateSend(new PlaceOrder("o-1"), new SendOptions(), incoming: null));

        Assert.Contains(typeof(PlaceOrder).FullName!, error.Message);
        Assert.Contains("RouteToEndpoint", error.Message);
    }

    [Fact]
    public void Should_refuse_to_reply_to_a_message_that_gives_no_reply_address()
    {
        var anonymous = new IncomingMessage("m-1", new Dictionary<string, string> { [Headers.MessageId] = "m-1" }, ReadOnlyMemory<byte>.Empty);

        var error = Assert.Throws<InvalidOperationException>(() => factory.CreateReply(new Messages.OrderAccepted("o-1"), new ReplyOptions(), anonymous));

        Assert.Contains(Headers.ReplyToAddress, error.Message);
    }

    [Fact]
    public void Should_refuse_to_route_replies_to_an_instance_that_is_not_uniquely_addressable()
    {
        var options = To("Billing");
        options.RouteReplyToThisInstance();

        var error = Assert.Throws<InvalidOperationException>(() => factory.CreateSend(new BillOrder("o-1"), options, incoming: null));

        Assert.Contains("MakeInstanceUniquelyAddressable", error.Message);
    }

    private static SendOptions To(string destination)
    {
        var options = new SendOptions();
        options.SetDestination(destination);
        return options;
    }
}
