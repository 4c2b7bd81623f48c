using Microsoft.Extensions.Time.Testing;
using Unbundled.Messaging.TransportTests.Infrastructure;
using Xunit;

namespace Unbundled.Messaging.Embedded.Tests.CrashLeftovers;

public sealed class When_a_process_dies_while_writing : TransportTest<EmbeddedWorld>
{
    private string Temp => Path.Combine(World.Root, "Api", ".tmp");

    [Fact]
    public async Task Should_delete_its_half_written_files_at_the_next_start_and_keep_a_live_writers()
    {
        await using var live = await PeerProcess.Start("instance", World.Root);
        var liveFolder = Directory.GetDirectories(Temp).Single();
        var crashed = await PeerProcess.Start("instance", World.Root);
        var crashedFolder = Directory.GetDirectories(Temp).Single(folder => folder != liveFolder);
        // What a kill -9 between the write and the rename leaves: a file nobody was told about.
        var halfWritten = Path.Combine(crashedFolder, "0199.msg");
        await File.WriteAllTextAsync(halfWritten, "{\n  \"NServiceBus.MessageId\": \"01");
        var liveWriters = Path.Combine(liveFolder, "0200.msg");
        await File.WriteAllTextAsync(liveWriters, "being written");
        await crashed.Crash();
        await crashed.DisposeAsync();

        await StartEndpoint("Api");

        Assert.False(Directory.Exists(crashedFolder));
        Assert.False(File.Exists(halfWritten));
        Assert.True(File.Exists(liveWriters));
    }

    [Fact]
    public async Task Should_delete_loose_files_of_earlier_versions_once_they_are_old()
    {
        Directory.CreateDirectory(Temp);
        var old = Path.Combine(Temp, "old.msg");
        var recent = Path.Combine(Temp, "recent.msg");
        await File.WriteAllTextAsync(old, "half");
        await File.WriteAllTextAsync(recent, "half");
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow + OwnedTempFolders.LooseFileAge + TimeSpan.FromSeconds(1));
        File.SetLastWriteTimeUtc(recent, time.GetUtcNow().UtcDateTime);
        World.Time = time;

        await StartEndpoint("Api");

        Assert.False(File.Exists(old));
        Assert.True(File.Exists(recent));
    }
}
