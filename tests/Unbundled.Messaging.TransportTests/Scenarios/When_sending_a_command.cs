using Unbundled.Messaging.TransportTests.Commands;
using Unbundled.Messaging.TransportTests.Handlers;
using Unbundled.Messaging.TransportTests.Infrastructure;
using Xunit;

namespace Unbundled.Messaging.TransportTests.Scenarios;

public abstract class When_sending_a_command<TWorld> : TransportTest<TWorld>
    where TWorld : ITransportWorld, new()
{
    [Fact]
    public async Task Should_deliver_the_body_and_the_standard_headers()
    {
        await StartEndpoint("Receiver", c => c.RegisterHandler<DoSomethingHandler>());
        var sender = await StartEndpoint("Sender", c => c.Routing.RouteToEndpoint(typeof(DoSomething), "Receiver"));

        var options = new SendOptions();
        options.SetMessageId("message-1");
        options.SetHeader("Custom", "value");
        await sender.Send(new DoSomething("hello"), options);

        var observed = await Observations.Next();
        Assert.Equal(new DoSomething("hello"), observed.Message);
        var headers = observed.Headers;
        Assert.Equal("message-1", headers[Headers.MessageId]);
        Assert.Equal("message-1", headers[Headers.CorrelationId]);
        Assert.Equal("Send", headers[Headers.MessageIntent]);
        Assert.Equal(typeof(DoSomething).AssemblyQualifiedName, headers[Headers.EnclosedMessageTypes]);
        Assert.Equal("application/json", headers[Headers.ContentType]);
        Assert.Equal("Sender", headers[Headers.OriginatingEndpoint]);
        Assert.Equal("value", headers["Custom"]);
        Assert.EndsWith("Sender", headers[Headers.ReplyToAddress]);
        Assert.True(Guid.TryParse(headers[Headers.ConversationId], out _));
        Assert.Matches("^[0-9a-f]{32}$", headers[Headers.OriginatingHostId]);
        var sent = WireDate.ToUtcDateTimeOffset(headers[Headers.TimeSent]);
        Assert.InRange(DateTimeOffset.UtcNow - sent, TimeSpan.Zero, Scenario.Timeout);
    }

    [Fact]
    public async Task Should_deliver_to_the_own_queue_with_send_local()
    {
        var endpoint = await StartEndpoint("Receiver", c => c.RegisterHandler<DoSomethingHandler>());

        await endpoint.SendLocal(new DoSomething("to myself"));

        var observed = await Observations.Next();
        Assert.Equal(new DoSomething("to myself"), observed.Message);
        Assert.Equal("Receiver", observed.Headers[Headers.OriginatingEndpoint]);
    }
}
