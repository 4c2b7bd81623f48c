using Xunit;

namespace Unbundled.Persistence.Sqlite.Tests.Writes;

public sealed class When_writers_take_turns
{
    private readonly string database = Path.Combine(Path.GetTempPath(), $"turns-{Guid.NewGuid():N}.db");

    [Fact]
    public async Task Should_give_the_next_writer_its_turn_when_the_first_ends_it()
    {
        var first = await WriteTurns.Take(database, TimeSpan.FromSeconds(5), CancellationToken.None);

        var second = WriteTurns.Take(database, TimeSpan.FromSeconds(5), CancellationToken.None);
        await Task.Delay(50);
        Assert.False(second.IsCompleted);

        first.Dispose();
        (await second).Dispose();
    }

    [Fact]
    public async Task Should_give_up_after_the_timeout_with_a_clear_error()
    {
        using var held = await WriteTurns.Take(database, TimeSpan.FromSeconds(5), CancellationToken.None);

        var error = await Assert.ThrowsAsync<TimeoutException>(() => WriteTurns.Take(database, TimeSpan.FromMilliseconds(50), CancellationToken.None));
        Assert.Contains("No turn to write", error.Message);
    }

    [Fact]
    public async Task Should_let_writers_of_another_database_file_write_meanwhile()
    {
        using var held = await WriteTurns.Take(database, TimeSpan.FromSeconds(5), CancellationToken.None);

        using var other = await WriteTurns.Take(database + "-other", TimeSpan.FromMilliseconds(50), CancellationToken.None);
    }
}
