using System.Diagnostics;
using Xunit;

namespace Unbundled.Persistence.Sqlite.Tests.Writes;

/// <summary>
/// Sixteen writers back to back for 15 s, with readers between them, as a loaded embedded shell writes: the write-ahead
/// log must still be reset (a passive checkpoint alone never resets it while writes keep coming; it grew past 2 GB), and
/// what a stop copies out of it must be small.
/// </summary>
public sealed class When_writes_never_pause : SqliteDatabaseTest
{
    private static readonly TimeSpan Sustained = TimeSpan.FromSeconds(15);
    private static readonly string Padding = new('x', 1_000);

    [Fact]
    public async Task Should_keep_the_log_under_its_limit_and_the_final_checkpoint_short()
    {
        var log = new FileInfo(Database.Path + "-wal");
        var largest = 0L;
        var written = 0;
        using var load = new CancellationTokenSource(Sustained);
        var writers = Enumerable.Range(0, 16).Select(writer => Task.Run(async () =>
        {
            for (var i = 0; !load.IsCancellationRequested; i++)
            {
                await BatchedWrites.Add(Database, Claim($"{writer}-{i}-{Padding}"));
                Interlocked.Increment(ref written);
            }
        })).ToArray();
        var readers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            while (!load.IsCancellationRequested)
            {
                await using var lease = await Database.Rent(CancellationToken.None);
                await using var reader = await lease.Connection.Read("SELECT count(*) FROM email_claims WHERE email_key < $key", ("$key", "1"));
                await reader.ReadAsync();
            }
        })).ToArray();
        while (!load.IsCancellationRequested)
        {
            log.Refresh();
            largest = Math.Max(largest, log.Exists ? log.Length : 0);
            await Task.Delay(20);
        }

        await Task.WhenAll([.. writers, .. readers]);

        // What the last connection's close does at a stop: copy the rest of the log into the database file.
        var stop = Stopwatch.StartNew();
        await using (var connection = await Database.Open(CancellationToken.None))
        {
            await SqliteDatabase.Execute(connection, "PRAGMA wal_checkpoint(TRUNCATE)", CancellationToken.None);
        }

        Assert.True(written > 10_000, $"Only {written} writes in {Sustained}: too few to fill a log.");
        Assert.InRange(largest, 0, WalCheckpoints.Limit);
        Assert.InRange(stop.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(5));
    }

    private static BatchedStatement Claim(string key) =>
        new("INSERT INTO email_claims VALUES ($key, 'c', 'e', $key, 't')", ("$key", key));
}
