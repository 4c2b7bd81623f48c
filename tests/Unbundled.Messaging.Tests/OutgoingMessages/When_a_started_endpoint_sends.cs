using Unbundled.Messaging.Tests.Commands;
using Unbundled.Messaging.Tests.Infrastructure;
using Unbundled.Messaging.TransportTests.Infrastructure;

namespace Unbundled.Messaging.Tests.OutgoingMessages;

/// <summary>The addresses an endpoint puts in its messages, read from the message files the embedded transport wrote.</summary>
public class When_a_started_endpoint_sends : TransportTest<EmbeddedWorld>
{
    [Fact]
    public async Task Should_ask_for_replies_at_the_physical_name_of_its_queue()
    {
        // The embedded transport turns the space into a dash: the header carries the queue's physical name.
        var endpoint = await StartEndpoint("Sales Desk", c => c.Routing.RouteToEndpoint(typeof(BillOrder), "Billing"));

        await endpoint.Send(new BillOrder("o-1"));

        var sent = Assert.Single(StoredMessage.In(World.Root, "Billing"));
        Assert.Equal("Sales-Desk", sent.Headers[Headers.ReplyToAddress]);
        Assert.Equal("Sales Desk", sent.Headers[Headers.OriginatingEndpoint]);
    }

    [Fact]
    public async Task Should_ask_for_replies_at_its_instance_queue_when_routing_replies_to_this_instance()
    {
        var endpoint = await StartEndpoint("Sales", c => c
            .MakeInstanceUniquelyAddressable("blue")
            .Routing.RouteToEndpoint(typeof(BillOrder), "Billing"));
        var options = new SendOptions();
        options.RouteReplyToThisInstance();

        await endpoint.Send(new BillOrder("o-1"), options);

        var sent = Assert.Single(StoredMessage.In(World.Root, "Billing"));
        Assert.Equal("Sales-blue", sent.Headers[Headers.ReplyToAddress]);
    }

    [Fact]
    public async Task Should_write_the_headers_and_the_json_body_into_the_destination_queue()
    {
        var endpoint = await StartEndpoint("Sales", c => c.Routing.RouteToEndpoint(typeof(BillOrder), "Billing"));
        var options = new SendOptions();
        options.SetMessageId("bill-o-1");

        await endpoint.Send(new BillOrder("o-1"), options);

        var sent = Assert.Single(StoredMessage.In(World.Root, "Billing"));
        Assert.Equal("bill-o-1", sent.Headers[Headers.MessageId]);
        Assert.Equal("Send", sent.Headers[Headers.MessageIntent]);
        Assert.Equal(typeof(BillOrder).AssemblyQualifiedName, sent.Headers[Headers.EnclosedMessageTypes]);
        Assert.Equal("""{"OrderId":"o-1"}"""u8.ToArray(), sent.Body);
    }
}
