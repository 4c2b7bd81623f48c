using Microsoft.Data.Sqlite;
using Xunit;

namespace Unbundled.Persistence.Sqlite.Tests.Writes;

public sealed class When_units_share_a_batch : SqliteDatabaseTest
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private const string Insert = "INSERT INTO email_claims (email_key, customer_id, event_id, email, invited_at) VALUES ($key, 'c', 'e', $key, 't')";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await BatchedWrites.Add(Database, Claim("taken@example.com"));
    }

    [Fact]
    public async Task Should_fail_only_the_unit_that_breaks_a_constraint_and_undo_all_of_it()
    {
        var (first, failing, last) = await InOneBatch(
            [Claim("ada@example.com")],
            [Claim("grace@example.com"), Claim("taken@example.com")],
            [Claim("alan@example.com")]);

        await first;
        await last;
        var error = await Assert.ThrowsAsync<SqliteException>(() => failing);
        Assert.Equal(19, error.SqliteErrorCode);
        Assert.Equal(["ada@example.com", "alan@example.com", "taken@example.com"], await ClaimedEmails());
    }

    [Fact]
    public async Task Should_commit_nothing_of_a_unit_whose_statements_conflict_with_each_other()
    {
        var (first, failing, last) = await InOneBatch(
            [Claim("ada@example.com")],
            [Claim("grace@example.com"), Claim("grace@example.com")],
            [Claim("grace@example.com")]);

        await first;
        await Assert.ThrowsAsync<SqliteException>(() => failing);
        await last;
        Assert.Equal(["ada@example.com", "grace@example.com", "taken@example.com"], await ClaimedEmails());
    }

    private static Task OnOwnThread(Func<Task> commit) =>
        Task.Factory.StartNew(commit, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();

    private static BatchedStatement Claim(string email) => new(Insert, ("$key", email));

    /// <summary>
    /// Holds SQLite's write lock, as another process would, while a first batch waits for it, so the three units queue up
    /// behind and share the next batch.
    /// </summary>
    private async Task<(Task, Task, Task)> InOneBatch(BatchedStatement[] first, BatchedStatement[] second, BatchedStatement[] third)
    {
        Task blocker, a, b, c;
        await using (var otherProcess = await Database.Open(CancellationToken.None))
        using (otherProcess.BeginTransaction(deferred: false))
        {
            // SQLite's wait for the lock blocks the thread that writes, so no write may start on the test's.
            blocker = Task.Run(() => BatchedWrites.Add(Database, Claim("blocker@example.com")));
            // The blocker's batch is under way (its unit left the queue) before the three are queued behind it.
            Assert.True(SpinWait.SpinUntil(() => Database.Writer.WhenIdle().IsCompleted is false && Database.Writer.Waiting == 0, Patience));
            // Threads of their own: the pool may be starved meanwhile, one of its threads held by this spin, one by the
            // blocked writer and others by the test classes running beside this one.
            a = OnOwnThread(() => BatchedWrites.Commit(Database, first));
            b = OnOwnThread(() => BatchedWrites.Commit(Database, second));
            c = OnOwnThread(() => BatchedWrites.Commit(Database, third));
            Assert.True(SpinWait.SpinUntil(() => Database.Writer.Waiting == 3, Patience));
            Assert.False(blocker.IsCompleted || a.IsCompleted || b.IsCompleted || c.IsCompleted);
        }

        await blocker;
        await Task.WhenAny(Task.WhenAll(a, b, c), Task.Delay(TimeSpan.FromSeconds(10)));
        await using var connection = await Database.Open(CancellationToken.None);
        await using var delete = connection.CreateCommand();
        delete.CommandText = "DELETE FROM email_claims WHERE email_key = 'blocker@example.com'";
        await delete.ExecuteNonQueryAsync();
        return (a, b, c);
    }

    private async Task<string[]> ClaimedEmails()
    {
        await using var connection = await Database.Open(CancellationToken.None);
        await using var query = connection.CreateCommand();
        query.CommandText = "SELECT email_key FROM email_claims ORDER BY email_key";
        await using var reader = await query.ExecuteReaderAsync();
        var emails = new List<string>();
        while (await reader.ReadAsync())
        {
            emails.Add(reader.GetString(0));
        }

        return [.. emails];
    }
}
