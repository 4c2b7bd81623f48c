using Unbundled.Messaging.TransportTests.Commands;
using Unbundled.Messaging.TransportTests.Handlers;
using Unbundled.Messaging.TransportTests.Infrastructure;
using Xunit;

namespace Unbundled.Messaging.TransportTests.Scenarios;

public abstract class When_a_message_cannot_be_processed<TWorld> : TransportTest<TWorld>
    where TWorld : ITransportWorld, new()
{
    [Fact]
    public async Task Should_move_an_undeserializable_body_to_error_without_retries()
    {
        var errors = await SpyOn("error");
        await StartEndpoint("Receiver", c =>
        {
            c.RegisterHandler<DoSomethingHandler>();
            c.Recoverability.Immediate(5).Delayed(3);
        });

        await DispatchRaw("Receiver", Headers("poison-1", typeof(DoSomething)), "{ this is not json"u8.ToArray());

        var failed = await errors.Next();
        Assert.Equal("poison-1", failed.Headers[Messaging.Headers.MessageId]);
        Assert.Equal(typeof(MessageDeserializationException).FullName, failed.Headers[FaultsHeaderKeys.ExceptionType]);
        Assert.Equal("{ this is not json", System.Text.Encoding.UTF8.GetString(failed.Body.Span));
        Assert.True(await Observations.NothingMoreWithin(TimeSpan.FromMilliseconds(200)));
    }

    [Fact]
    public async Task Should_move_a_message_of_an_unknown_type_to_error()
    {
        var errors = await SpyOn("error");
        await StartEndpoint("Receiver", c => c.RegisterHandler<DoSomethingHandler>());

        await DispatchRaw("Receiver", Headers("unknown-1", typeof(Unhandled)), """{"Text":"x"}"""u8.ToArray());

        var failed = await errors.Next();
        Assert.Equal("unknown-1", failed.Headers[Messaging.Headers.MessageId]);
        Assert.EndsWith("Receiver", failed.Headers[FaultsHeaderKeys.FailedQ]);
    }

    [Fact]
    public async Task Should_move_a_message_without_a_handler_to_error()
    {
        var errors = await SpyOn("error");
        var endpoint = await StartEndpoint("Receiver", c => c.RegisterHandler<DoSomethingHandler>().Recoverability.Immediate(5));

        await endpoint.Send("Receiver", new Unhandled("nobody handles me"));

        var failed = await errors.Next();
        Assert.Equal(typeof(NoHandlerFoundException).FullName, failed.Headers[FaultsHeaderKeys.ExceptionType]);
    }

    private static Dictionary<string, string> Headers(string messageId, Type type) => new()
    {
        [Messaging.Headers.MessageId] = messageId,
        [Messaging.Headers.EnclosedMessageTypes] = type.AssemblyQualifiedName!,
        [Messaging.Headers.ContentType] = "application/json",
        [Messaging.Headers.MessageIntent] = "Send",
    };
}
