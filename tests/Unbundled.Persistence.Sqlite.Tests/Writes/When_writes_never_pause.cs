using System.Diagnostics;
using Xunit;

namespace Unbundled.Persistence.Sqlite.Tests.Writes;

/// <summary>
/// Sixteen writers back to back, with readers between them, as a loaded embedded shell writes: the write-ahead log must
/// still be reset (a passive checkpoint alone never resets it while writes keep coming; it grew past 2 GB), and what a
/// stop copies out of it must be small. Every committed row is in the log at least once until a reset, so the writers
/// go on until their rows add up to twice the limit (or 30 s on a slow machine), and the test insists on at least the
/// limit: without resets the log could not stay under it.
/// </summary>
public sealed class When_writes_never_pause : SqliteDatabaseTest
{
    private static readonly TimeSpan AtMost = TimeSpan.FromSeconds(30);
    private static readonly string Padding = new('x', 2_000);

    /// <summary>The key is written twice (as the key and as the email).</summary>
    private static readonly long RowBytes = 2 * (Padding.Length + 16);

    [Fact]
    public async Task Should_keep_the_log_under_its_limit_and_the_final_checkpoint_short()
    {
        var log = new FileInfo(Database.Path + "-wal");
        var largest = 0L;
        var written = 0L;
        using var load = new CancellationTokenSource(AtMost);
        var writers = Enumerable.Range(0, 16).Select(writer => Task.Run(async () =>
        {
            for (var i = 0; !load.IsCancellationRequested; i++)
            {
                await BatchedWrites.Add(Database, Claim($"{writer}-{i}-{Padding}"));
                if (Interlocked.Add(ref written, RowBytes) >= 2 * WalCheckpoints.Limit)
                {
                    await load.CancelAsync();
                }
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

        Assert.True(written >= WalCheckpoints.Limit, $"Only {written:N0} bytes of rows in {AtMost}: too few to fill a log.");
        Assert.InRange(largest, 0, WalCheckpoints.Limit);
        Assert.InRange(stop.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(5));
    }

    private static BatchedStatement Claim(string key) =>
        new("INSERT INTO email_claims VALUES ($key, 'c', 'e', $key, 't')", ("$key", key));
}
