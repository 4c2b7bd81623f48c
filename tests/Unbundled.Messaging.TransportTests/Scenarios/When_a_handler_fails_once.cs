using Unbundled.Messaging.TransportTests.Commands;
using Unbundled.Messaging.TransportTests.Handlers;
using Unbundled.Messaging.TransportTests.Infrastructure;
using Xunit;

namespace Unbundled.Messaging.TransportTests.Scenarios;

public abstract class When_a_handler_fails_once<TWorld> : TransportTest<TWorld>
    where TWorld : ITransportWorld, new()
{
    [Fact]
    public async Task Should_retry_immediately_and_succeed()
    {
        var errors = await SpyOn("error");
        var endpoint = await StartEndpoint("Receiver", c =>
        {
            c.RegisterHandler<FailHandler>();
            c.Recoverability.Immediate(2).Delayed(0);
        });

        await endpoint.SendLocal(new Fail("once", Times: 1));

        var observed = await Observations.Next();
        Assert.Equal(2, Observations.AttemptsOf("once"));
        Assert.False(observed.Headers.ContainsKey(Headers.DelayedRetries));
        Assert.True(await errors.NothingWithin(Scenario.QuietPeriod));
    }

    [Fact]
    public async Task Should_send_nothing_from_the_failed_attempt()
    {
        // The handler of Fail publishes nothing, so check the batching rule with a handler that sends then throws.
        var endpoint = await StartEndpoint("Receiver", c =>
        {
            c.RegisterHandler<SendThenFailHandler>().RegisterHandler<DoSomethingHandler>();
            c.Recoverability.Immediate(1).Delayed(0);
        });

        await endpoint.SendLocal(new SendThenFail("key"));

        var observed = await Observations.Take(1);
        Assert.Equal(new DoSomething("sent by attempt 2"), observed[0].Message);
        Assert.True(await Observations.NothingMoreWithin(Scenario.QuietPeriod));
    }
}
