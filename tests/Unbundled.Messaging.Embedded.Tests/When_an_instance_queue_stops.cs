using Unbundled.Messaging.TransportTests.Infrastructure;
using Xunit;

namespace Unbundled.Messaging.Embedded.Tests;

public sealed class When_an_instance_queue_stops : TransportTest<EmbeddedWorld>
{
    [Fact]
    public async Task Should_delete_the_instance_queue_and_keep_the_shared_one()
    {
        var endpoint = await StartEndpoint("Api", c => c.MakeInstanceUniquelyAddressable("replies-1").EnableCallbacks());
        Assert.True(Directory.Exists(Path.Combine(World.Root, "Api-replies-1")));

        await StopEndpoint(endpoint);

        Assert.False(Directory.Exists(Path.Combine(World.Root, "Api-replies-1")));
        Assert.True(Directory.Exists(Path.Combine(World.Root, "Api")));
    }
}
