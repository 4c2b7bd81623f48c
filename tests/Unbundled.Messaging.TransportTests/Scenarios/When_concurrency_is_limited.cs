using Unbundled.Messaging.TransportTests.Commands;
using Unbundled.Messaging.TransportTests.Handlers;
using Unbundled.Messaging.TransportTests.Infrastructure;
using Xunit;

namespace Unbundled.Messaging.TransportTests.Scenarios;

public abstract class When_concurrency_is_limited<TWorld> : TransportTest<TWorld>
    where TWorld : ITransportWorld, new()
{
    [Fact]
    public async Task Should_run_up_to_the_limit_and_never_more()
    {
        var sender = await StartEndpoint("Sender", c => c.Routing.RouteToEndpoint(typeof(DoSomethingSlowly), "Receiver"));
        await StartEndpoint("Receiver", c => c.RegisterHandler<DoSomethingSlowlyHandler>().LimitMessageProcessingConcurrencyTo(3));

        await Task.WhenAll(Enumerable.Range(0, 12).Select(i => sender.Send(new DoSomethingSlowly($"m{i}", 150))));

        await Observations.Take(12);
        Assert.Equal(3, Observations.MaxConcurrentlyRunning);
    }
}
