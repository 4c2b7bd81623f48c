using Xunit;

namespace Unbundled.Messaging.Embedded.Tests;

public sealed class When_a_file_is_written_over : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("unbundled-write-over-").FullName;

    [Fact]
    public async Task Should_hold_exactly_the_new_bytes_whether_longer_or_shorter()
    {
        var path = Path.Combine(folder, "recycled.msg");
        await File.WriteAllTextAsync(path, "old");

        MessageFile.WriteOver(path, "a longer message"u8.ToArray());
        var longer = await File.ReadAllTextAsync(path);
        MessageFile.WriteOver(path, "short"u8.ToArray());

        Assert.Equal("a longer message", longer);
        Assert.Equal("short", await File.ReadAllTextAsync(path));
    }

    [Fact]
    public void Should_say_which_file_it_could_not_open()
    {
        var missing = Path.Combine(folder, "taken-by-another-process.msg");

        var error = Assert.ThrowsAny<IOException>(() => MessageFile.WriteOver(missing, "content"u8.ToArray()));

        Assert.Contains(missing, error.Message);
        Assert.False(File.Exists(missing));
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
