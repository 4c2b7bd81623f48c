using Xunit;

namespace Unbundled.Persistence.Sqlite.Tests.Writes;

public sealed class When_the_log_is_checkpointed : SqliteDatabaseTest
{
    [Fact]
    public async Task Should_leave_commits_free_of_automatic_checkpoints()
    {
        await using var lease = await Database.Rent(CancellationToken.None);

        await using var reader = await lease.Connection.Read("PRAGMA wal_autocheckpoint");

        Assert.True(await reader.ReadAsync());
        Assert.Equal(0, reader.GetInt32(0));
    }

    [Fact]
    public async Task Should_copy_what_the_batches_wrote_into_the_database_file_once_the_interval_has_passed()
    {
        var before = new FileInfo(Database.Path).Length;
        await BatchedWrites.Add(Database, Claim("the first"));
        await Database.Checkpoints.Current;

        await Task.WhenAll(Enumerable.Range(0, 200).Select(i => BatchedWrites.Add(Database, Claim($"{i}-{new string('x', 1_000)}"))));
        await Database.Checkpoints.Current;
        Assert.InRange(new FileInfo(Database.Path).Length, 0, before + 100_000);

        Time.Advance(WalCheckpoints.Interval);
        await BatchedWrites.Add(Database, Claim("the last"));
        await Database.Checkpoints.Current;

        Assert.InRange(new FileInfo(Database.Path).Length, before + 200_000, long.MaxValue);
    }

    [Fact]
    public async Task Should_know_the_frames_each_commit_leaves_in_the_log()
    {
        await BatchedWrites.Add(Database, Claim("the first"));
        var afterOne = Database.Checkpoints.Frames;

        await BatchedWrites.Add(Database, Claim($"the second {new string('x', 5_000)}"));

        Assert.InRange(afterOne, 1, int.MaxValue);
        Assert.InRange(Database.Checkpoints.Frames, afterOne + 2, int.MaxValue);
    }

    [Fact]
    public async Task Should_rewind_a_copied_log_over_the_blocks_it_has_instead_of_cutting_it()
    {
        // The first batch's checkpoint, then (the interval not passed on the fake clock) about 11 MB of log and none:
        // more than the 4 MB the file used to be cut to, less than the reset point.
        await BatchedWrites.Add(Database, Claim("the first"));
        await Database.Checkpoints.Current;
        for (var round = 0; round < 3; round++)
        {
            await Task.WhenAll(Enumerable.Range(0, 200).Select(i => BatchedWrites.Add(Database, Claim($"{round}-{i}-{new string('x', 2_000)}"))));
        }

        var frames = Database.Checkpoints.Frames;
        await using (var connection = await Database.Open(CancellationToken.None))
        {
            await SqliteDatabase.Execute(connection, "PRAGMA wal_checkpoint(PASSIVE)", CancellationToken.None);
        }

        var length = new FileInfo(Database.Path + "-wal").Length;

        await BatchedWrites.Add(Database, Claim("after the rewind"));

        Assert.InRange(length, 6L * 1024 * 1024, WalCheckpoints.ResetAt * 2);
        Assert.InRange(Database.Checkpoints.Frames, 1, frames / 100);
        Assert.Equal(length, new FileInfo(Database.Path + "-wal").Length);
    }

    private static BatchedStatement Claim(string key) =>
        new("INSERT INTO email_claims VALUES ($key, 'c', 'e', $key, 't')", ("$key", key));
}
