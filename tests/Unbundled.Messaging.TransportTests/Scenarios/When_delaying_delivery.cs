using System.Diagnostics;
using Unbundled.Messaging.TransportTests.Commands;
using Unbundled.Messaging.TransportTests.Handlers;
using Unbundled.Messaging.TransportTests.Infrastructure;
using Xunit;

namespace Unbundled.Messaging.TransportTests.Scenarios;

public abstract class When_delaying_delivery<TWorld> : TransportTest<TWorld>
    where TWorld : ITransportWorld, new()
{
    [Fact]
    public async Task Should_deliver_no_sooner_than_the_delay()
    {
        var endpoint = await StartEndpoint("Receiver", c => c.RegisterHandler<DoSomethingHandler>());
        var options = new SendOptions();
        options.RouteToThisEndpoint();
        options.DelayDeliveryWith(TimeSpan.FromSeconds(2));
        var clock = Stopwatch.StartNew();

        await endpoint.Send(new DoSomething("later"), options);
        await endpoint.SendLocal(new DoSomething("now"));

        var first = await Observations.Next();
        Assert.Equal(new DoSomething("now"), first.Message);
        var second = await Observations.Next();
        Assert.Equal(new DoSomething("later"), second.Message);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(1.9), Scenario.Timeout);
        Assert.True(second.Headers.ContainsKey(Headers.DeliverAt));
    }
}
