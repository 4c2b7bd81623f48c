using Unbundled.Messaging.TransportTests.Commands;
using Unbundled.Messaging.TransportTests.Handlers;
using Unbundled.Messaging.TransportTests.Infrastructure;
using Xunit;

namespace Unbundled.Messaging.TransportTests.Scenarios;

public abstract class When_two_instances_compete<TWorld> : TransportTest<TWorld>
    where TWorld : ITransportWorld, new()
{
    [Fact]
    public async Task Should_process_each_message_exactly_once_between_them()
    {
        var sender = await StartEndpoint("Sender", c => c.Routing.RouteToEndpoint(typeof(DoSomethingSlowly), "Receiver"));
        await StartEndpoint("Receiver", c => c.RegisterHandler<DoSomethingSlowlyHandler>().LimitMessageProcessingConcurrencyTo(2), label: "first");
        await StartEndpoint("Receiver", c => c.RegisterHandler<DoSomethingSlowlyHandler>().LimitMessageProcessingConcurrencyTo(2), label: "second");

        await Task.WhenAll(Enumerable.Range(0, 30).Select(i => sender.Send(new DoSomethingSlowly($"m{i}", 50))));

        var observed = await Observations.Take(30);
        Assert.Equal(30, observed.Select(o => ((DoSomethingSlowly)o.Message).Text).Distinct().Count());
        Assert.Equal(["first", "second"], observed.Select(o => o.Endpoint).Distinct().Order());
        Assert.True(await Observations.NothingMoreWithin(Scenario.QuietPeriod));
    }
}
