using Unbundled.Messaging.TransportTests.Commands;
using Unbundled.Messaging.TransportTests.Handlers;
using Unbundled.Messaging.TransportTests.Infrastructure;
using Unbundled.Messaging.TransportTests.Messages;
using Xunit;

namespace Unbundled.Messaging.Embedded.Tests;

public sealed class When_two_processes_share_a_queue_folder : TransportTest<EmbeddedWorld>
{
    [Fact]
    public async Task Should_exchange_requests_and_replies_with_the_other_process()
    {
        await using var peer = await PeerProcess.Start("respond", World.Root);
        var requester = await StartEndpoint("Requester", c => c
            .MakeInstanceUniquelyAddressable("tester")
            .EnableCallbacks()
            .Routing.RouteToEndpoint(typeof(AskQuestion), "Responder"));

        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => requester.Request<Answer>(new AskQuestion($"q{i}"))));

        Assert.Equal(Enumerable.Range(0, 10).Select(i => new Answer($"Answer to q{i}")), answers);
    }

    [Fact]
    public async Task Should_give_back_the_messages_a_crashed_process_had_claimed()
    {
        var peer = await PeerProcess.Start("slow-receiver", World.Root);
        var sender = await StartEndpoint("Sender", c => c.Routing.RouteToEndpoint(typeof(DoSomethingSlowly), "Receiver"));
        foreach (var i in Enumerable.Range(0, 3))
        {
            await sender.Send(new DoSomethingSlowly($"m{i}", 60_000));
        }

        await Scenario.WaitUntil(() => ClaimedFiles().Length == 3);
        await peer.Crash();
        await peer.DisposeAsync();
        await StartEndpoint("Receiver", c => c.RegisterHandler<DoSomethingSlowlyHandler>(), label: "survivor");

        // The survivor takes over the claims (its handler waits too, so they end up claimed by it).
        await Scenario.WaitUntil(() => ClaimedFiles().Length == 3 && Directory.GetFiles(Path.Combine(World.Root, "Receiver", ".inflight"), "*.lock").Length == 1);
        Assert.Empty(Directory.GetFiles(Path.Combine(World.Root, "Receiver"), "*.msg"));
    }

    [Fact]
    public async Task Should_give_back_the_messages_a_crashed_process_held_in_its_slot_files()
    {
        var peer = await PeerProcess.Start("slow-self-sender", World.Root);
        await Scenario.WaitUntil(() => HeldInSlots() == 3);
        await peer.Crash();
        await peer.DisposeAsync();

        await StartEndpoint("Receiver", c => c.RegisterHandler<DoSomethingSlowlyHandler>(), label: "survivor");

        // Back in the queue as files, then claimed by the survivor, whose handler waits too.
        await Scenario.WaitUntil(() => ClaimedFiles().Length == 3 && Directory.GetFiles(Path.Combine(World.Root, "Receiver", ".inflight"), "*.lock").Length == 1);
        Assert.Equal(0, HeldInSlots());
        Assert.Equal(
            ["m0", "m1", "m2"],
            ClaimedFiles().Select(path => MessageFile.TryRead(File.ReadAllBytes(path))!.Value.Body.ToArray()).Select(Text).Order());
    }

    private int HeldInSlots() =>
        Directory.GetDirectories(Path.Combine(World.Root, "Receiver", ".inflight")).Sum(folder => SlotFiles.HeldIn(folder).Count());

    private static string Text(byte[] body) =>
        System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("Text").GetString()!;

    private string[] ClaimedFiles() =>
        Directory.GetFiles(Path.Combine(World.Root, "Receiver", ".inflight"), "*.msg", SearchOption.AllDirectories);
}
