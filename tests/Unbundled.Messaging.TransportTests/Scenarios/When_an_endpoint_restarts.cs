using Unbundled.Messaging.TransportTests.Commands;
using Unbundled.Messaging.TransportTests.Handlers;
using Unbundled.Messaging.TransportTests.Infrastructure;
using Xunit;

namespace Unbundled.Messaging.TransportTests.Scenarios;

public abstract class When_an_endpoint_restarts<TWorld> : TransportTest<TWorld>
    where TWorld : ITransportWorld, new()
{
    [Fact]
    public async Task Should_receive_the_messages_sent_while_it_was_down()
    {
        var receiver = await StartEndpoint("Receiver", c => c.RegisterHandler<DoSomethingHandler>());
        await StopEndpoint(receiver);
        var sender = await StartEndpoint("Sender", c => c.Routing.RouteToEndpoint(typeof(DoSomething), "Receiver"));

        foreach (var i in Enumerable.Range(0, 5))
        {
            await sender.Send(new DoSomething($"waiting {i}"));
        }

        await StartEndpoint("Receiver", c => c.RegisterHandler<DoSomethingHandler>());
        var observed = await Observations.Take(5);
        Assert.Equal(Enumerable.Range(0, 5).Select(i => $"waiting {i}"), observed.Select(o => ((DoSomething)o.Message).Text).Order());
    }
}
