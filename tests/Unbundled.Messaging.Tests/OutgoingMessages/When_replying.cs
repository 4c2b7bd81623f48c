using Unbundled.Messaging.Pipeline;
using Unbundled.Messaging.Tests.Messages;

namespace Unbundled.Messaging.Tests.OutgoingMessages;

public class When_replying
{
    private static readonly IncomingMessage Request = new(
        "request-1",
        new Dictionary<string, string>
        {
            [Headers.MessageId] = "request-1",
            [Headers.CorrelationId] = "request-1",
            [Headers.ConversationId] = "conversation-1",
            [Headers.ReplyToAddress] = "Shop-blue",
        },
        ReadOnlyMemory<byte>.Empty);

    [Fact]
    public void Should_go_to_the_reply_address_of_the_request()
    {
        var reply = SalesEndpoint.Factory().CreateReply(new OrderAccepted("o-1"), new ReplyOptions(), Request);

        Assert.Equal("Shop-blue", reply.Destination);
    }

    [Fact]
    public void Should_have_the_reply_intent_and_the_correlation_id_of_the_request()
    {
        var headers = SalesEndpoint.Factory().CreateReply(new OrderAccepted("o-1"), new ReplyOptions(), Request).Message.Headers;

        Assert.Equal("Reply", headers[Headers.MessageIntent]);
        Assert.Equal("request-1", headers[Headers.CorrelationId]);
        Assert.Equal("request-1", headers[Headers.RelatedTo]);
        Assert.Equal("conversation-1", headers[Headers.ConversationId]);
        Assert.Equal(typeof(OrderAccepted).AssemblyQualifiedName, headers[Headers.EnclosedMessageTypes]);
    }

    [Fact]
    public void Should_go_to_an_explicit_destination_instead_when_given_one()
    {
        var options = new ReplyOptions();
        options.SetDestination("Audit-desk");

        var reply = SalesEndpoint.Factory().CreateReply(new OrderAccepted("o-1"), options, Request);

        Assert.Equal("Audit-desk", reply.Destination);
    }

    [Theory]
    [InlineData(42, "42")]
    [InlineData((short)-7, "-7")]
    [InlineData(9_000_000_000L, "9000000000")]
    public void Should_carry_a_number_as_a_bodiless_control_message_with_the_number_as_error_code(object number, string errorCode)
    {
        var reply = SalesEndpoint.Factory().CreateReply(number, new ReplyOptions(), Request);

        var headers = reply.Message.Headers;
        Assert.Equal(errorCode, headers[Headers.ReturnMessageErrorCodeHeader]);
        Assert.Equal("True", headers[Headers.ControlMessageHeader]);
        Assert.Equal("Reply", headers[Headers.MessageIntent]);
        Assert.Equal("request-1", headers[Headers.CorrelationId]);
        Assert.True(reply.Message.Body.IsEmpty);
        Assert.False(headers.ContainsKey(Headers.EnclosedMessageTypes));
        Assert.Equal("Shop-blue", reply.Destination);
    }

    [Fact]
    public void Should_carry_an_enum_as_its_numeric_value()
    {
        var reply = SalesEndpoint.Factory().CreateReply(OrderStatus.Accepted, new ReplyOptions(), Request);

        Assert.Equal("7", reply.Message.Headers[Headers.ReturnMessageErrorCodeHeader]);
        Assert.Equal("True", reply.Message.Headers[Headers.ControlMessageHeader]);
        Assert.True(reply.Message.Body.IsEmpty);
    }
}
