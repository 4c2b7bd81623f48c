using Unbundled.Messaging.Embedded.Tests.HandOff;
using Unbundled.Messaging.TransportTests.Commands;
using Unbundled.Messaging.TransportTests.Handlers;
using Unbundled.Messaging.TransportTests.Infrastructure;
using Xunit;

namespace Unbundled.Messaging.Embedded.Tests.DirectClaims;

/// <summary>
/// A send from outside a handler is written down before it returns; when a receiver of the queue runs in the same process
/// with a free slot, the file goes straight into that receiver's claimed folder and is processed from memory.
/// </summary>
public sealed class When_a_message_is_sent_to_a_receiver_in_the_same_process : TransportTest<EmbeddedWorld>
{
    [Fact]
    public async Task Should_be_written_into_the_receivers_claimed_folder_never_into_the_queue()
    {
        var sender = await StartSender();
        await StartTarget(concurrency: 4);
        var queueFolder = Path.Combine(World.Root, "Target");
        using var targetFiles = new FileEvents(queueFolder);

        await sender.Send(new DoSomethingSlowly("claimed as written", 0));

        Assert.Equal(new DoSomethingSlowly("claimed as written", 0), (await Observations.Next()).Message);
        await Scenario.WaitUntil(() => Directory.GetFiles(Path.Combine(queueFolder, ".free")).Length > 0);
        Assert.Contains(targetFiles.Seen, path => path.Contains($"{Path.DirectorySeparatorChar}.inflight{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        Assert.DoesNotContain(targetFiles.Seen, path => Path.GetDirectoryName(path) == queueFolder);
        Assert.Empty(Directory.GetFiles(Path.Combine(queueFolder, ".inflight"), "*.msg", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Should_wait_in_the_queue_when_the_receiver_has_no_free_slot()
    {
        var sender = await StartSender();
        await StartTarget(concurrency: 1);
        await sender.Send(new DoSomethingSlowly("occupies the only slot", 1_500));
        await Scenario.WaitUntil(() => Observations.MaxConcurrentlyRunning == 1);

        await sender.Send(new DoSomethingSlowly("waits in the queue", 0));

        Assert.Single(Directory.GetFiles(Path.Combine(World.Root, "Target"), "*.msg"));
        var texts = (await Observations.Take(2)).Select(o => ((DoSomethingSlowly)o.Message).Text);
        Assert.Equal(["occupies the only slot", "waits in the queue"], texts);
    }

    private Task<IEndpointInstance> StartSender() =>
        StartEndpoint("Sender", c => c.SendOnly().Routing.RouteToEndpoint(typeof(DoSomethingSlowly), "Target"));

    private Task<IEndpointInstance> StartTarget(int concurrency) =>
        StartEndpoint("Target", c => c.RegisterHandler<DoSomethingSlowlyHandler>().LimitMessageProcessingConcurrencyTo(concurrency));
}
