using Unbundled.Messaging.TransportTests.Handlers;
using Unbundled.Messaging.TransportTests.Infrastructure;
using Xunit;

namespace Unbundled.Messaging.Embedded.Tests;

public sealed class When_a_file_is_not_a_message : TransportTest<EmbeddedWorld>
{
    [Fact]
    public async Task Should_move_it_to_error_exactly_as_it_was()
    {
        await StartEndpoint("Receiver", c => c.RegisterHandler<DoSomethingHandler>());
        var errorFolder = Path.Combine(World.Root, "error");
        var junk = Path.Combine(World.Root, "Receiver", "junk.msg");

        await File.WriteAllTextAsync(junk, "no headers here");

        await Scenario.WaitUntil(() => Directory.Exists(errorFolder) && Directory.GetFiles(errorFolder, "*.msg").Length > 0);

        var moved = Assert.Single(Directory.GetFiles(errorFolder, "*.msg"));
        Assert.Equal("no headers here", await File.ReadAllTextAsync(moved));
        Assert.False(File.Exists(junk));
    }
}
