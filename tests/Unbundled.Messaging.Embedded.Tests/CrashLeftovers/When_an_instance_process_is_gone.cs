using Microsoft.Extensions.Time.Testing;
using Unbundled.Messaging.TransportTests.Infrastructure;
using Xunit;

namespace Unbundled.Messaging.Embedded.Tests.CrashLeftovers;

public sealed class When_an_instance_process_is_gone : TransportTest<EmbeddedWorld>
{
    [Fact]
    public async Task Should_remove_its_queue_after_the_grace_period_and_keep_the_live_ones()
    {
        await using var live = await PeerProcess.Start("instance", World.Root);
        var crashed = await PeerProcess.Start("instance", World.Root);
        var crashedQueue = Path.Combine(World.Root, $"Api-peer-{crashed.Id}");
        await crashed.Crash();
        await crashed.DisposeAsync();
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        World.Time = time;

        await StopEndpoint(await StartEndpoint("Api", c => c.MakeInstanceUniquelyAddressable("first").EnableCallbacks()));
        Assert.True(Directory.Exists(crashedQueue), "Removed within the grace period.");

        time.Advance(new FileSystemTransport().StaleInstanceQueueAge + TimeSpan.FromMinutes(1));
        await StartEndpoint("Api", c => c.MakeInstanceUniquelyAddressable("second").EnableCallbacks());

        Assert.False(Directory.Exists(crashedQueue));
        Assert.True(Directory.Exists(Path.Combine(World.Root, $"Api-peer-{live.Id}")));
        Assert.True(Directory.Exists(Path.Combine(World.Root, "Api-second")));
    }
}
