using Microsoft.Extensions.Time.Testing;
using Unbundled.Messaging.TransportTests.Commands;
using Unbundled.Messaging.TransportTests.Handlers;
using Unbundled.Messaging.TransportTests.Infrastructure;
using Xunit;

namespace Unbundled.Messaging.TransportTests.Scenarios;

/// <summary>
/// Messages whose time-to-be-received ran out while they waited in the queue are discarded unprocessed (wire-format §1.3
/// step 7); the receivers' clock is moved on instead of waiting.
/// </summary>
public abstract class When_a_message_has_a_time_to_be_received<TWorld> : TransportTest<TWorld>
    where TWorld : ITransportWorld, new()
{
    [Fact]
    public async Task Should_discard_it_once_expired_and_process_it_while_alive()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        World.Time = clock;
        // The receiver's queue exists, but nobody receives while the messages wait.
        await StopEndpoint(await StartEndpoint("Receiver", c => c.RegisterHandler<DoSomethingHandler>()));
        var sender = await StartEndpoint("Sender", c => c.Routing.RouteToEndpoint(typeof(DoSomething), "Receiver"));

        await sender.Send(new DoSomething("stale"), WithTimeToBeReceived(TimeSpan.FromMinutes(1)));
        await sender.Send(new DoSomething("fresh"), WithTimeToBeReceived(TimeSpan.FromHours(1)));
        clock.Advance(TimeSpan.FromMinutes(2));
        await StartEndpoint("Receiver", c => c.RegisterHandler<DoSomethingHandler>());

        var observed = await Observations.Next();
        Assert.Equal(new DoSomething("fresh"), observed.Message);
        Assert.Equal("01:00:00", observed.Headers[Headers.TimeToBeReceived]);
        // The transport's own expiry header is gone before the handlers (and audit) see the message.
        Assert.DoesNotContain(observed.Headers.Keys, key => key.Contains("AmazonSQS", StringComparison.Ordinal) || key.StartsWith("Unbundled.", StringComparison.Ordinal));
        Assert.True(await Observations.NothingMoreWithin(Scenario.QuietPeriod));
    }

    [Fact]
    public async Task Should_process_it_when_received_in_time()
    {
        var endpoint = await StartEndpoint("Receiver", c => c.RegisterHandler<DoSomethingHandler>());
        var options = WithTimeToBeReceived(TimeSpan.FromSeconds(30));
        options.RouteToThisEndpoint();

        await endpoint.Send(new DoSomething("in time"), options);

        var observed = await Observations.Next();
        Assert.Equal(new DoSomething("in time"), observed.Message);
        Assert.Equal("00:00:30", observed.Headers[Headers.TimeToBeReceived]);
    }

    private static SendOptions WithTimeToBeReceived(TimeSpan timeToBeReceived)
    {
        var options = new SendOptions();
        options.SetTimeToBeReceived(timeToBeReceived);
        return options;
    }
}
