using Xunit;

namespace Unbundled.Persistence.Sqlite.Tests.Reads;

public sealed class When_a_connection_is_rented_again : SqliteDatabaseTest
{
    private const string Query = "SELECT email FROM email_claims WHERE email_key = $key";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        foreach (var key in new[] { "ada", "grace" })
        {
            await BatchedWrites.Add(Database, new BatchedStatement(
                "INSERT INTO email_claims VALUES ($key, 'c', 'e', $email, 't')", ("$key", key), ("$email", key + "@example.com")));
        }
    }

    [Fact]
    public async Task Should_be_the_same_connection_with_its_statement_bound_to_the_new_values()
    {
        PreparedConnection first;
        await using (var lease = await Database.Rent(CancellationToken.None))
        {
            first = lease.Connection;
            Assert.Equal("ada@example.com", await Email(first, "ada"));
        }

        await using var again = await Database.Rent(CancellationToken.None);

        Assert.Same(first, again.Connection);
        Assert.Equal("grace@example.com", await Email(again.Connection, "grace"));
        Assert.Null(await Email(again.Connection, "alan"));
    }

    [Fact]
    public async Task Should_give_two_callers_at_once_two_connections()
    {
        await using var one = await Database.Rent(CancellationToken.None);
        await using var other = await Database.Rent(CancellationToken.None);

        Assert.NotSame(one.Connection, other.Connection);
    }

    private static async Task<string?> Email(PreparedConnection connection, string key)
    {
        await using var reader = await connection.Read(Query, ("$key", key));
        return await reader.ReadAsync() ? reader.GetString(0) : null;
    }
}
