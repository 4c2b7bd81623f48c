using Unbundled.Messaging.Tests.Events;

namespace Unbundled.Messaging.Tests.OutgoingMessages;

public class When_publishing_an_event
{
    [Fact]
    public void Should_have_the_publish_intent_and_the_event_type()
    {
        var published = SalesEndpoint.Factory().CreatePublish(new PriorityOrderPlaced("o-1", Priority: 1), new PublishOptions(), incoming: null);

        Assert.Equal("Publish", published.Message.Headers[Headers.MessageIntent]);
        Assert.Equal(typeof(PriorityOrderPlaced), published.MessageType);
    }

    [Fact]
    public void Should_enclose_the_event_and_its_message_parents_so_subscribers_to_either_can_read_it()
    {
        var published = SalesEndpoint.Factory().CreatePublish(new PriorityOrderPlaced("o-1", Priority: 1), new PublishOptions(), incoming: null);

        string[] expected = [typeof(PriorityOrderPlaced).AssemblyQualifiedName!, typeof(IOrderEvent).AssemblyQualifiedName!, typeof(OrderPlaced).AssemblyQualifiedName!];
        Assert.Equal(expected, published.Message.Headers[Headers.EnclosedMessageTypes].Split(';'));
    }

    [Fact]
    public void Should_carry_the_standard_headers_of_a_session_message()
    {
        var headers = SalesEndpoint.Factory().CreatePublish(new OrderPlaced("o-1"), new PublishOptions(), incoming: null).Message.Headers;

        Assert.Equal(headers[Headers.MessageId], headers[Headers.CorrelationId]);
        Assert.True(Guid.TryParse(headers[Headers.ConversationId], out _));
        Assert.Equal("Sales", headers[Headers.ReplyToAddress]);
        Assert.Equal("Sales", headers[Headers.OriginatingEndpoint]);
        Assert.Equal("application/json", headers[Headers.ContentType]);
    }
}
