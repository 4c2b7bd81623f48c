using Unbundled.Domain.Invitations;
using Unbundled.Persistence.DynamoDB.Tests.Infrastructure;
using Xunit;

namespace Unbundled.Persistence.DynamoDB.Tests.Outbox;

/// <summary>
/// A message's handlers try to make two business writes. Without transactions two items cannot commit atomically, so the
/// session refuses the second one instead of risking half a decision.
/// </summary>
public sealed class When_a_handler_writes_twice : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    private EmulatorTable table = null!;

    public async Task InitializeAsync()
    {
        table = await EmulatorTable.Create();
        await table.Table.Install();
    }

    public async Task DisposeAsync() => await table.DisposeAsync();

    [Fact]
    public async Task Should_refuse_the_second_write_and_write_nothing()
    {
        var outbox = new DynamoDbPersistence(table.Table).CreateOutboxStorage("Customers");
        await using (var transaction = await outbox.BeginTransaction())
        {
            var claims = new DynamoDbEmailClaims(transaction.Session);
            await claims.Add(new EmailClaim(Guid.NewGuid(), Guid.NewGuid(), "ada@example.com", Now), CancellationToken.None);

            var refusal = await Assert.ThrowsAsync<NotSupportedException>(
                () => claims.Add(new EmailClaim(Guid.NewGuid(), Guid.NewGuid(), "bob@example.com", Now), CancellationToken.None));
            Assert.Contains("one write", refusal.Message, StringComparison.Ordinal);
        }

        Assert.Empty(await table.Items(""));
    }

    [Fact]
    public async Task Should_let_the_handler_read_its_own_buffered_write()
    {
        var claim = new EmailClaim(Guid.NewGuid(), Guid.NewGuid(), "ada@example.com", Now);
        var outbox = new DynamoDbPersistence(table.Table).CreateOutboxStorage("Customers");
        await using var transaction = await outbox.BeginTransaction();
        var claims = new DynamoDbEmailClaims(transaction.Session);

        await claims.Add(claim, CancellationToken.None);

        Assert.Equal(claim, await claims.Find(claim.Key, CancellationToken.None));
    }
}
