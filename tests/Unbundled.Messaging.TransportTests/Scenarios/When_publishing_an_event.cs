using Unbundled.Messaging.TransportTests.Events;
using Unbundled.Messaging.TransportTests.Handlers;
using Unbundled.Messaging.TransportTests.Infrastructure;
using Xunit;

namespace Unbundled.Messaging.TransportTests.Scenarios;

public abstract class When_publishing_an_event<TWorld> : TransportTest<TWorld>
    where TWorld : ITransportWorld, new()
{
    [Fact]
    public async Task Should_reach_every_subscriber_once()
    {
        await StartEndpoint("SubscriberA", c => c.RegisterHandler<SomethingHappenedHandler>());
        await StartEndpoint("SubscriberB", c => c.RegisterHandler<SomethingHappenedHandler>());
        var publisher = await StartEndpoint("Publisher");

        await publisher.Publish(new SomethingHappened("news"));

        var observed = await Observations.Take(2);
        Assert.Equal(["SubscriberA", "SubscriberB"], observed.Select(o => o.Endpoint).Order());
        Assert.All(observed, o => Assert.Equal("Publish", o.Headers[Headers.MessageIntent]));
        Assert.All(observed, o => Assert.Equal(new SomethingHappened("news"), o.Message));
        Assert.True(await Observations.NothingMoreWithin(Scenario.QuietPeriod));
    }

    [Fact]
    public async Task Should_refuse_to_send_an_event()
    {
        var publisher = await StartEndpoint("Publisher");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => publisher.Send("Anyone", new SomethingHappened("news")));

        Assert.Contains("publish it", error.Message);
    }
}
