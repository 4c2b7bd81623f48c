using Unbundled.Messaging.Embedded.Tests.HandOff;
using Unbundled.Messaging.TransportTests.Commands;
using Unbundled.Messaging.TransportTests.Handlers;
using Unbundled.Messaging.TransportTests.Infrastructure;
using Xunit;

namespace Unbundled.Messaging.Embedded.Tests.DirectClaims;

/// <summary>
/// A send from outside a handler is written down before it returns; when a receiver of the queue runs in the same process
/// with a free slot, the message goes into one of that receiver's slot files and is processed from memory.
/// </summary>
public sealed class When_a_message_is_sent_to_a_receiver_in_the_same_process : TransportTest<EmbeddedWorld>
{
    [Fact]
    public async Task Should_be_held_in_a_slot_file_of_the_receiver_while_processed_never_in_the_queue()
    {
        var sender = await StartSender();
        await StartTarget(concurrency: 4);
        var queueFolder = Path.Combine(World.Root, "Target");
        using var targetFiles = new FileEvents(queueFolder);

        await sender.Send(new DoSomethingSlowly("held in a slot", 400));
        await Scenario.WaitUntil(() => Observations.MaxConcurrentlyRunning == 1);
        var held = HeldMessages(queueFolder);

        var message = MessageFile.TryRead(Assert.Single(held))!.Value;
        Assert.Equal(typeof(DoSomethingSlowly).FullName, message.Headers[Headers.EnclosedMessageTypes].Split(',')[0]);
        Assert.Equal(new DoSomethingSlowly("held in a slot", 400), (await Observations.Next()).Message);
        await Scenario.WaitUntil(() => HeldMessages(queueFolder).Count == 0);
        Assert.Equal(SlotFiles.CountFor(4), Directory.GetFiles(Path.Combine(queueFolder, ".inflight"), "*" + SlotFile.Extension, SearchOption.AllDirectories).Length);
        Assert.Empty(targetFiles.Seen);
    }

    [Fact]
    public async Task Should_wait_in_a_slot_file_while_the_receiver_is_busy_and_in_the_queue_once_those_are_taken_too()
    {
        var sender = await StartSender();
        await StartTarget(concurrency: 1);
        var queueFolder = Path.Combine(World.Root, "Target");
        await sender.Send(new DoSomethingSlowly("occupies the only slot", 1_500));
        await Scenario.WaitUntil(() => Observations.MaxConcurrentlyRunning == 1);

        await sender.Send(new DoSomethingSlowly("waits in a slot file", 0));
        await sender.Send(new DoSomethingSlowly("waits in the queue", 0));

        // Concurrency 1 gives the receiver two slot files: the message being processed holds one, the next waits in the other.
        Assert.Equal(2, HeldMessages(queueFolder).Count);
        Assert.Single(Directory.GetFiles(queueFolder, "*.msg"));
        var texts = (await Observations.Take(3)).Select(o => ((DoSomethingSlowly)o.Message).Text);
        Assert.Equal(["occupies the only slot", "waits in a slot file", "waits in the queue"], texts);
        await Scenario.WaitUntil(() => HeldMessages(queueFolder).Count == 0);
    }

    private Task<IEndpointInstance> StartSender() =>
        StartEndpoint("Sender", c => c.SendOnly().Routing.RouteToEndpoint(typeof(DoSomethingSlowly), "Target"));

    private Task<IEndpointInstance> StartTarget(int concurrency) =>
        StartEndpoint("Target", c => c.RegisterHandler<DoSomethingSlowlyHandler>().LimitMessageProcessingConcurrencyTo(concurrency));

    private static List<byte[]> HeldMessages(string queueFolder) =>
        [.. Directory.GetDirectories(Path.Combine(queueFolder, ".inflight")).SelectMany(SlotFiles.HeldIn)];
}
