using Unbundled.Messaging.Embedded.Tests.HandOff.Commands;
using Unbundled.Messaging.TransportTests.Commands;
using Unbundled.Messaging.TransportTests.Handlers;
using Unbundled.Messaging.TransportTests.Infrastructure;
using Xunit;

namespace Unbundled.Messaging.Embedded.Tests.HandOff;

/// <summary>
/// A handler's outgoing message goes to a receiver in the same process from memory; the handler's own received message,
/// still claimed, is the durable record until then, and anything that cannot be processed on the spot is written down.
/// </summary>
public sealed class When_a_handler_sends_to_a_receiver_in_the_same_process : TransportTest<EmbeddedWorld>
{
    [Fact]
    public async Task Should_be_processed_without_a_message_file()
    {
        var relay = await StartRelay();
        await StartTarget(concurrency: 4);
        using var targetFiles = new FileEvents(Path.Combine(World.Root, "Target"));

        await relay.SendLocal(new Forward("from memory"));

        var observed = await Observations.Next();
        Assert.Equal(new DoSomethingSlowly("from memory", 0), observed.Message);
        Assert.Equal("Relay", observed.Headers[Headers.OriginatingEndpoint]);
        await Scenario.WaitUntil(() => ClaimedBy("Relay") == 0);
        Assert.Empty(targetFiles.Seen);
    }

    [Fact]
    public async Task Should_keep_the_received_message_claimed_until_it_is_processed()
    {
        var relay = await StartRelay();
        await StartTarget(concurrency: 4);

        await relay.SendLocal(new Forward("slow", Milliseconds: 1_500));

        await Scenario.WaitUntil(() => Observations.MaxConcurrentlyRunning == 1);
        // The target's handler runs (for 1.5 s): the relay's message, handled already, must still be claimed.
        Assert.Equal(1, ClaimedBy("Relay"));
        Assert.Equal(new DoSomethingSlowly("slow", 1_500), (await Observations.Next()).Message);
        await Scenario.WaitUntil(() => ClaimedBy("Relay") == 0);
    }

    [Fact]
    public async Task Should_be_written_down_for_the_receiver_when_it_has_no_free_slot()
    {
        var relay = await StartRelay();
        var target = await StartTarget(concurrency: 1);
        var options = new SendOptions();
        options.RouteToThisEndpoint();
        await target.Send(new DoSomethingSlowly("occupies the only slot", 1_500), options);
        await Scenario.WaitUntil(() => Observations.MaxConcurrentlyRunning == 1);

        await relay.SendLocal(new Forward("waits on disk"));

        // In the target's second slot file, beside the message it is processing: the relay's message is done with.
        await Scenario.WaitUntil(() => ClaimedBy("Relay") == 0 && ClaimedBy("Target") == 2);
        var texts = (await Observations.Take(2)).Select(o => ((DoSomethingSlowly)o.Message).Text);
        Assert.Equal(["occupies the only slot", "waits on disk"], texts);
    }

    [Fact]
    public async Task Should_go_through_recoverability_to_the_error_queue_when_it_fails()
    {
        var errors = await SpyOn("error");
        var relay = await StartRelay();
        await StartEndpoint("Target", c =>
        {
            c.RegisterHandler<FailHandler>();
            c.Recoverability.Immediate(2).Delayed(0);
        });

        await relay.SendLocal(new Forward("doomed", AlwaysFailing: true));

        var failed = await errors.Next();
        Assert.Equal(3, Observations.AttemptsOf("doomed"));
        Assert.EndsWith("Target", failed.Headers[FaultsHeaderKeys.FailedQ]);
        Assert.Equal("Attempt 3 of doomed fails on purpose.", failed.Headers[FaultsHeaderKeys.Message]);
        await Scenario.WaitUntil(() => ClaimedBy("Relay") == 0);
        Assert.Empty(ReadyIn("Target"));
    }

    private Task<IEndpointInstance> StartRelay() =>
        StartEndpoint("Relay", c =>
        {
            c.RegisterHandler<ForwardHandler>();
            c.Routing.RouteToEndpoint(typeof(DoSomethingSlowly), "Target");
            c.Routing.RouteToEndpoint(typeof(Fail), "Target");
        });

    private Task<IEndpointInstance> StartTarget(int concurrency) =>
        StartEndpoint("Target", c => c.RegisterHandler<DoSomethingSlowlyHandler>().LimitMessageProcessingConcurrencyTo(concurrency));

    /// <summary>Claimed message files and messages held in slot files (where a send from this process puts them).</summary>
    private int ClaimedBy(string queue)
    {
        var inflight = Path.Combine(World.Root, queue, ".inflight");
        return Directory.GetFiles(inflight, "*.msg", SearchOption.AllDirectories).Length
            + Directory.GetDirectories(inflight).Sum(folder => SlotFiles.HeldIn(folder).Count());
    }

    private string[] ReadyIn(string queue) => Directory.GetFiles(Path.Combine(World.Root, queue), "*.msg");
}
