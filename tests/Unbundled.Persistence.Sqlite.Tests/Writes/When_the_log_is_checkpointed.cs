using Microsoft.Data.Sqlite;
using Xunit;

namespace Unbundled.Persistence.Sqlite.Tests.Writes;

public sealed class When_the_log_is_checkpointed : IAsyncLifetime
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "unbundled-sqlite-tests", Guid.NewGuid().ToString("N"));
    private SqliteDatabase database = null!;

    public async Task InitializeAsync()
    {
        database = new SqliteDatabase(Path.Combine(folder, "log.db"));
        await database.Install();
    }

    [Fact]
    public async Task Should_leave_commits_free_of_automatic_checkpoints()
    {
        await using var lease = await database.Rent(CancellationToken.None);

        await using var reader = await lease.Connection.Read("PRAGMA wal_autocheckpoint");

        Assert.True(await reader.ReadAsync());
        Assert.Equal(0, reader.GetInt32(0));
    }

    [Fact]
    public async Task Should_copy_what_the_batches_wrote_into_the_database_file_soon_after()
    {
        var before = new FileInfo(database.Path).Length;

        await Task.WhenAll(Enumerable.Range(0, 200).Select(i => BatchedWrites.Add(database, Claim($"{i}-{new string('x', 1_000)}"))));
        await Task.Delay(WalCheckpoints.Interval * 1.5);
        await BatchedWrites.Add(database, Claim("the last"));

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (new FileInfo(database.Path).Length < before + 200_000 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        Assert.InRange(new FileInfo(database.Path).Length, before + 200_000, long.MaxValue);
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
        return Task.CompletedTask;
    }

    private static BatchedStatement Claim(string key) =>
        new("INSERT INTO email_claims VALUES ($key, 'c', 'e', $key, 't')", ("$key", key));
}
