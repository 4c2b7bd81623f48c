using Microsoft.Data.Sqlite;
using Xunit;

namespace Unbundled.Persistence.Sqlite.Tests.Reads;

public sealed class When_a_connection_is_rented_again : IAsyncLifetime
{
    private const string Query = "SELECT email FROM email_claims WHERE email_key = $key";

    private readonly string folder = Path.Combine(Path.GetTempPath(), "unbundled-sqlite-tests", Guid.NewGuid().ToString("N"));
    private SqliteDatabase database = null!;

    public async Task InitializeAsync()
    {
        database = new SqliteDatabase(Path.Combine(folder, "reads.db"));
        await database.Install();
        foreach (var key in new[] { "ada", "grace" })
        {
            await BatchedWrites.Add(database, new BatchedStatement(
                "INSERT INTO email_claims VALUES ($key, 'c', 'e', $email, 't')", ("$key", key), ("$email", key + "@example.com")));
        }
    }

    [Fact]
    public async Task Should_be_the_same_connection_with_its_statement_bound_to_the_new_values()
    {
        PreparedConnection first;
        await using (var lease = await database.Rent(CancellationToken.None))
        {
            first = lease.Connection;
            Assert.Equal("ada@example.com", await Email(first, "ada"));
        }

        await using var again = await database.Rent(CancellationToken.None);

        Assert.Same(first, again.Connection);
        Assert.Equal("grace@example.com", await Email(again.Connection, "grace"));
        Assert.Null(await Email(again.Connection, "alan"));
    }

    [Fact]
    public async Task Should_give_two_callers_at_once_two_connections()
    {
        await using var one = await database.Rent(CancellationToken.None);
        await using var other = await database.Rent(CancellationToken.None);

        Assert.NotSame(one.Connection, other.Connection);
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
        return Task.CompletedTask;
    }

    private static async Task<string?> Email(PreparedConnection connection, string key)
    {
        await using var reader = await connection.Read(Query, ("$key", key));
        return await reader.ReadAsync() ? reader.GetString(0) : null;
    }
}
