using Unbundled.Messaging.TransportTests.Commands;
using Unbundled.Messaging.TransportTests.Handlers;
using Unbundled.Messaging.TransportTests.Infrastructure;
using Xunit;

namespace Unbundled.Messaging.TransportTests.Scenarios;

public abstract class When_immediate_retries_are_exhausted<TWorld> : TransportTest<TWorld>
    where TWorld : ITransportWorld, new()
{
    [Fact]
    public async Task Should_retry_later_with_the_retry_headers()
    {
        var endpoint = await StartEndpoint("Receiver", c =>
        {
            c.RegisterHandler<FailHandler>();
            c.Recoverability.Immediate(1).Delayed(2, TimeSpan.FromSeconds(1));
        });
        var options = new SendOptions();
        options.RouteToThisEndpoint();
        options.SetMessageId("retried-message");

        await endpoint.Send(new Fail("twice", Times: 2), options);

        var observed = await Observations.Next();
        Assert.Equal(3, Observations.AttemptsOf("twice"));
        Assert.Equal("retried-message", observed.Headers[Headers.MessageId]);
        Assert.Equal("1", observed.Headers[Headers.DelayedRetries]);
        var retriedAt = WireDate.ToUtcDateTimeOffset(observed.Headers[Headers.DelayedRetriesTimestamp]);
        Assert.InRange(DateTimeOffset.UtcNow - retriedAt, TimeSpan.FromSeconds(0.9), Scenario.Timeout);
    }
}
