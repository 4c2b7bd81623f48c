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

    private static BatchedStatement Claim(string key) =>
        new("INSERT INTO email_claims VALUES ($key, 'c', 'e', $key, 't')", ("$key", key));
}
