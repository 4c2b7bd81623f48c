using System.Diagnostics;
using Unbundled.Messaging.TransportTests.Commands;
using Unbundled.Messaging.TransportTests.Handlers;
using Unbundled.Messaging.TransportTests.Infrastructure;
using Xunit;

namespace Unbundled.Messaging.TransportTests.Scenarios;

/// <summary>
/// A graceful stop ends within the endpoint's shutdown timeout (docs/stopping.md), idle or busy, loses nothing and repeats
/// nothing that was finished. The bounds are far above the real figures (a fifth of a second idle) so that a loaded CI
/// machine meets them; the issue asks for stops within 5 s.
/// </summary>
public abstract class When_an_endpoint_stops<TWorld> : TransportTest<TWorld>
    where TWorld : ITransportWorld, new()
{
    private static readonly TimeSpan StopBound = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Should_stop_within_the_bound_when_idle()
    {
        // An instance queue too: an idle queue each, as the API endpoint has.
        var receiver = await StartEndpoint("Receiver", c => c.RegisterHandler<DoSomethingHandler>().MakeInstanceUniquelyAddressable("1"));
        await Task.Delay(TimeSpan.FromMilliseconds(500));

        Assert.InRange(await TimeToStop(receiver), TimeSpan.Zero, StopBound);
    }

    [Fact]
    public async Task Should_give_back_at_once_a_message_whose_handler_does_not_finish()
    {
        var shutdownTimeout = TimeSpan.FromSeconds(2);
        var first = await StartEndpoint("Receiver", c => c.RegisterHandler<StallHandler>().StopWithin(shutdownTimeout), label: "first");
        var sender = await StartEndpoint("Sender", c => c.Routing.RouteToEndpoint(typeof(Stall), "Receiver"));
        await sender.Send(new Stall("stuck"));
        Assert.Equal("first", (await Observations.Next()).Endpoint);

        // The stop waits for the handler as long as the timeout allows, then gives up on it and gives its message back.
        var stop = await TimeToStop(first);
        Assert.InRange(stop, Messaging.Transport.StopBudget.ForHandlers(shutdownTimeout) - TimeSpan.FromMilliseconds(50), shutdownTimeout + TimeSpan.FromSeconds(2));

        // Well within SQS's 30 s visibility timeout: the message was made visible again, not left to time out.
        await StartEndpoint("Receiver", c => c.RegisterHandler<StallHandler>(), label: "second");
        Assert.Equal("second", (await Observations.Next(TimeSpan.FromSeconds(10))).Endpoint);
    }

    [Fact]
    public async Task Should_neither_lose_nor_repeat_messages_when_stopped_under_load()
    {
        const int count = 60;
        var sender = await StartEndpoint("Sender", c => c.Routing.RouteToEndpoint(typeof(DoSomethingSlowly), "Receiver"));
        var first = await StartEndpoint("Receiver", c => c.RegisterHandler<DoSomethingSlowlyHandler>().MakeInstanceUniquelyAddressable("1"), label: "first");
        await Task.WhenAll(Enumerable.Range(0, count).Select(i => sender.Send(new DoSomethingSlowly($"m{i}", 20))));
        var observed = new List<Observed>(await Observations.Take(10));

        Assert.InRange(await TimeToStop(first), TimeSpan.Zero, StopBound);
        await StartEndpoint("Receiver", c => c.RegisterHandler<DoSomethingSlowlyHandler>(), label: "second");

        // Every message handled, and none twice: what was finished before the stop was acknowledged before it ended.
        observed.AddRange(await Observations.Take(count - observed.Count, TimeSpan.FromSeconds(60)));
        Assert.True(await Observations.NothingMoreWithin(Scenario.QuietPeriod));
        Assert.Equal(Enumerable.Range(0, count).Select(i => $"m{i}").Order(), observed.Select(o => ((DoSomethingSlowly)o.Message).Text).Order());
    }

    private async Task<TimeSpan> TimeToStop(IEndpointInstance endpoint)
    {
        var watch = Stopwatch.StartNew();
        await StopEndpoint(endpoint).WaitAsync(Scenario.Timeout);
        return watch.Elapsed;
    }
}
