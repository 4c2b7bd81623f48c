using Unbundled.Messaging.Callbacks;
using Unbundled.Messaging.Pipeline;
using Unbundled.Messaging.Tests.Messages;

namespace Unbundled.Messaging.Tests.Callbacks;

public class RequestResponseStateLookupTests
{
    private static readonly OrderAccepted Accepted = new("o-1");

    private readonly RequestResponseStateLookup lookup = new();

    [Fact]
    public async Task A_reply_correlated_to_a_waiting_request_completes_it_with_the_requested_type()
    {
        var request = lookup.Register("request-1", typeof(OrderAccepted));
        Type? askedFor = null;

        var completed = lookup.TryComplete(Reply(correlationId: "request-1"), type => { askedFor = type; return Accepted; });

        Assert.True(completed);
        Assert.Same(Accepted, await request.Completion.Task);
        Assert.Equal(typeof(OrderAccepted), askedFor);
        Assert.Equal(0, lookup.PendingCount);
    }

    [Fact]
    public void A_reply_correlated_to_no_waiting_request_is_left_for_the_handlers()
    {
        var request = lookup.Register("request-1", typeof(OrderAccepted));

        Assert.False(lookup.TryComplete(Reply(correlationId: "request-2"), _ => Accepted));
        Assert.False(request.Completion.Task.IsCompleted);
    }

    [Theory]
    [InlineData(nameof(MessageIntent.Send), "9.2.3")]
    [InlineData(nameof(MessageIntent.Publish), "9.2.3")]
    [InlineData(nameof(MessageIntent.Send), "5.0.0")]
    [InlineData(null, "9.2.3")]
    [InlineData(null, null)]
    public void A_message_that_is_not_a_reply_completes_nothing(string? intent, string? version)
    {
        var request = lookup.Register("request-1", typeof(OrderAccepted));

        Assert.False(lookup.TryComplete(Message("request-1", intent, version), _ => Accepted));
        Assert.False(request.Completion.Task.IsCompleted);
    }

    [Theory]
    [InlineData(nameof(MessageIntent.Send), "4.7.1")]
    [InlineData(null, "3.3.8")]
    public async Task A_message_from_a_sender_before_version_5_completes_by_correlation_alone(string? intent, string version)
    {
        var request = lookup.Register("request-1", typeof(OrderAccepted));

        Assert.True(lookup.TryComplete(Message("request-1", intent, version), _ => Accepted));
        Assert.Same(Accepted, await request.Completion.Task);
    }

    [Theory]
    [InlineData(typeof(int), "42", 42)]
    [InlineData(typeof(long), "9000000000", 9_000_000_000L)]
    [InlineData(typeof(short), "-7", (short)-7)]
    [InlineData(typeof(OrderStatus), "7", OrderStatus.Accepted)]
    [InlineData(typeof(int?), "42", 42)]
    public async Task An_error_code_reply_completes_the_request_with_the_code_as_the_requested_type(Type responseType, string code, object expected)
    {
        var request = lookup.Register("request-1", responseType);

        lookup.TryComplete(ErrorCodeReply("request-1", code), _ => throw new InvalidOperationException("An error code reply has no body to read."));

        var response = await request.Completion.Task;
        Assert.Equal(expected, response);
        Assert.Equal(expected.GetType(), response.GetType());
    }

    [Fact]
    public async Task Only_the_first_reply_counts()
    {
        var request = lookup.Register("request-1", typeof(OrderAccepted));
        lookup.TryComplete(Reply(correlationId: "request-1"), _ => Accepted);

        var second = lookup.TryComplete(Reply(correlationId: "request-1"), _ => new OrderAccepted("o-2"));

        Assert.False(second);
        Assert.Same(Accepted, await request.Completion.Task);
    }

    [Fact]
    public async Task A_reply_that_cannot_be_read_fails_the_request_and_is_consumed()
    {
        var request = lookup.Register("request-1", typeof(OrderAccepted));

        var consumed = lookup.TryComplete(Reply(correlationId: "request-1"), _ => throw new MessageDeserializationException("Not an OrderAccepted."));

        Assert.True(consumed);
        await Assert.ThrowsAsync<MessageDeserializationException>(() => request.Completion.Task);
    }

    [Fact]
    public async Task CancelAll_cancels_every_waiting_request()
    {
        var first = lookup.Register("request-1", typeof(OrderAccepted));
        var second = lookup.Register("request-2", typeof(int));

        lookup.CancelAll();

        await Assert.ThrowsAsync<TaskCanceledException>(() => first.Completion.Task);
        await Assert.ThrowsAsync<TaskCanceledException>(() => second.Completion.Task);
        Assert.Equal(0, lookup.PendingCount);
    }

    [Fact]
    public void Registering_a_message_id_that_is_already_waiting_throws()
    {
        lookup.Register("request-1", typeof(OrderAccepted));

        Assert.Throws<InvalidOperationException>(() => lookup.Register("request-1", typeof(OrderAccepted)));
    }

    private static IncomingMessage Reply(string correlationId) => Message(correlationId, nameof(MessageIntent.Reply), "9.2.3");

    private static IncomingMessage ErrorCodeReply(string correlationId, string code)
    {
        var headers = new Dictionary<string, string>
        {
            [Headers.MessageId] = "reply-1",
            [Headers.CorrelationId] = correlationId,
            [Headers.MessageIntent] = nameof(MessageIntent.Reply),
            [Headers.ReturnMessageErrorCodeHeader] = code,
            [Headers.ControlMessageHeader] = "True",
        };
        return new IncomingMessage("reply-1", headers, ReadOnlyMemory<byte>.Empty);
    }

    private static IncomingMessage Message(string correlationId, string? intent, string? version)
    {
        var headers = new Dictionary<string, string> { [Headers.MessageId] = "reply-1", [Headers.CorrelationId] = correlationId };
        if (intent is not null)
        {
            headers[Headers.MessageIntent] = intent;
        }

        if (version is not null)
        {
            headers[Headers.NServiceBusVersion] = version;
        }

        return new IncomingMessage("reply-1", headers, ReadOnlyMemory<byte>.Empty);
    }
}
