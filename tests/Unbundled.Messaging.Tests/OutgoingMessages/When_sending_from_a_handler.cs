using Unbundled.Messaging.Pipeline;
using Unbundled.Messaging.Tests.Commands;
using Unbundled.Messaging.Tests.Events;

namespace Unbundled.Messaging.Tests.OutgoingMessages;

public class When_sending_from_a_handler
{
    private static readonly IncomingMessage Incoming = new(
        "incoming-1",
        new Dictionary<string, string>
        {
            [Headers.MessageId] = "incoming-1",
            [Headers.CorrelationId] = "correlation-1",
            [Headers.ConversationId] = "conversation-1",
        },
        ReadOnlyMemory<byte>.Empty);

    [Fact]
    public void Should_stay_in_the_incoming_conversation()
    {
        var sent = SalesEndpoint.Factory().CreateSend(new BillOrder("o-1"), new SendOptions(), Incoming);

        Assert.Equal("conversation-1", sent.Message.Headers[Headers.ConversationId]);
    }

    [Fact]
    public void Should_be_related_to_the_incoming_message()
    {
        var sent = SalesEndpoint.Factory().CreateSend(new BillOrder("o-1"), new SendOptions(), Incoming);

        Assert.Equal("incoming-1", sent.Message.Headers[Headers.RelatedTo]);
    }

    [Fact]
    public void Should_keep_the_incoming_correlation_id()
    {
        var sent = SalesEndpoint.Factory().CreateSend(new BillOrder("o-1"), new SendOptions(), Incoming);

        Assert.Equal("correlation-1", sent.Message.Headers[Headers.CorrelationId]);
        Assert.NotEqual("incoming-1", sent.Message.MessageId);
    }

    [Fact]
    public void Should_be_correlated_by_the_incoming_id_when_the_incoming_message_has_no_correlation_id()
    {
        var uncorrelated = new IncomingMessage("incoming-2", new Dictionary<string, string> { [Headers.MessageId] = "incoming-2" }, ReadOnlyMemory<byte>.Empty);

        var sent = SalesEndpoint.Factory().CreateSend(new BillOrder("o-1"), new SendOptions(), uncorrelated);

        Assert.Equal("incoming-2", sent.Message.Headers[Headers.CorrelationId]);
    }

    [Fact]
    public void Should_publish_in_the_incoming_conversation_too()
    {
        var published = SalesEndpoint.Factory().CreatePublish(new OrderPlaced("o-1"), new PublishOptions(), Incoming);

        Assert.Equal("conversation-1", published.Message.Headers[Headers.ConversationId]);
        Assert.Equal("incoming-1", published.Message.Headers[Headers.RelatedTo]);
    }

    [Fact]
    public void Should_refuse_to_start_another_conversation()
    {
        var options = new SendOptions();
        options.SetHeader(Headers.ConversationId, "conversation-2");

        var error = Assert.Throws<InvalidOperationException>(() => SalesEndpoint.Factory().CreateSend(new BillOrder("o-1"), options, Incoming));

        Assert.Contains("conversation", error.Message);
    }
}
