using System.Text.Json;
using Unbundled.Messaging.TransportTests.Commands;
using Unbundled.Messaging.TransportTests.Handlers;
using Unbundled.Messaging.TransportTests.Infrastructure;
using Xunit;

namespace Unbundled.Messaging.Embedded.Tests;

public sealed class When_a_message_is_written : TransportTest<EmbeddedWorld>
{
    [Fact]
    public async Task Should_be_a_readable_file_of_headers_a_blank_line_and_the_body()
    {
        var sender = await StartEndpoint("Sender", c => c.SendOnly());

        await sender.Send("Nobody", new DoSomething("readable"));

        var file = Assert.Single(Directory.GetFiles(Path.Combine(World.Root, "Nobody"), "*.msg"));
        var text = await File.ReadAllTextAsync(file);
        var separator = text.IndexOf("\n\n", StringComparison.Ordinal);
        var headers = JsonSerializer.Deserialize<Dictionary<string, string>>(text[..separator])!;
        Assert.Equal("Send", headers[Headers.MessageIntent]);
        Assert.StartsWith("{\n  \"", text);
        Assert.Equal("""{"Text":"readable"}""", text[(separator + 2)..]);
        Assert.Empty(Directory.GetFiles(Path.Combine(World.Root, "Nobody", ".tmp"), "*.msg", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Should_reuse_a_consumed_file_and_leave_none_of_its_old_bytes()
    {
        var sender = await StartEndpoint("Sender", c => c.SendOnly());
        // Sent before the receiver runs, so it is a file in the queue (a receiver running here would take it into a slot file).
        await sender.Send("Receiver", new DoSomething(new string('x', 4_000)));
        var receiver = await StartEndpoint("Receiver", c => c.RegisterHandler<DoSomethingHandler>());
        await Observations.Next();
        var free = Path.Combine(World.Root, "Receiver", ".free");
        await Scenario.WaitUntil(() => Directory.GetFiles(free).Length == 1);
        await StopEndpoint(receiver);

        await sender.Send("Receiver", new DoSomething("short"));

        Assert.Empty(Directory.GetFiles(free));
        var file = Assert.Single(Directory.GetFiles(Path.Combine(World.Root, "Receiver"), "*.msg"));
        var text = await File.ReadAllTextAsync(file);
        Assert.EndsWith("\n\n{\"Text\":\"short\"}", text);
    }

    [Fact]
    public async Task Should_wait_in_the_delayed_folder_until_due()
    {
        var sender = await StartEndpoint("Sender", c => c.SendOnly());
        var options = new SendOptions();
        options.SetDestination("Nobody");
        options.DelayDeliveryWith(TimeSpan.FromMinutes(5));

        await sender.Send(new DoSomething("later"), options);

        var delayed = Assert.Single(Directory.GetFiles(Path.Combine(World.Root, "Nobody", ".delayed"), "*.msg"));
        var due = QueueFolder.DueTimeOf(Path.GetFileName(delayed));
        Assert.InRange(due - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(5));
        Assert.Empty(Directory.GetFiles(Path.Combine(World.Root, "Nobody"), "*.msg"));
    }
}
