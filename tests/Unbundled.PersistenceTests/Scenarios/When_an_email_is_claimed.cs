using Unbundled.Domain.Invitations;
using Unbundled.Messaging.Outbox;
using Unbundled.PersistenceTests.Infrastructure;
using Xunit;

namespace Unbundled.PersistenceTests.Scenarios;

public abstract class When_an_email_is_claimed<TWorld> : PersistenceTest<TWorld>
    where TWorld : IPersistenceWorld, new()
{
    private static readonly EmailClaim Claim = new(Guid.NewGuid(), Guid.NewGuid(), "Ada@Example.com", new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Should_find_it_by_key_once_committed_with_the_outbox_record()
    {
        await using (var transaction = await Outbox.BeginTransaction())
        {
            await World.EmailClaims(transaction.Session).Add(Claim, CancellationToken.None);
            await Outbox.Store(new OutboxRecord("incoming-1", []), transaction);
            await transaction.Commit();
        }

        await using var reader = await Outbox.BeginTransaction();
        Assert.Equal(Claim, await World.EmailClaims(reader.Session).Find(EmailAddress.Key(" ada@example.COM "), CancellationToken.None));
    }

    [Fact]
    public async Task Should_keep_neither_claim_nor_record_when_not_committed()
    {
        await using (var transaction = await Outbox.BeginTransaction())
        {
            await World.EmailClaims(transaction.Session).Add(Claim, CancellationToken.None);
            await Outbox.Store(new OutboxRecord("incoming-1", []), transaction);
        }

        await using var reader = await Outbox.BeginTransaction();
        Assert.Null(await World.EmailClaims(reader.Session).Find(Claim.Key, CancellationToken.None));
        Assert.Null(await Outbox.Get("incoming-1"));
    }

    [Fact]
    public async Task Should_let_only_one_of_two_racing_claims_commit()
    {
        var rival = Claim with { CustomerId = Guid.NewGuid(), EventId = Guid.NewGuid() };

        var results = await Task.WhenAll(TryClaim(Claim, "incoming-1"), TryClaim(rival, "incoming-2"));

        Assert.Single(results, committed => committed);
        await using var reader = await Outbox.BeginTransaction();
        var winner = await World.EmailClaims(reader.Session).Find(Claim.Key, CancellationToken.None);
        Assert.Contains(winner, new[] { Claim, rival });
    }

    private async Task<bool> TryClaim(EmailClaim claim, string messageId)
    {
        try
        {
            await using var transaction = await Outbox.BeginTransaction();
            var claims = World.EmailClaims(transaction.Session);
            if (await claims.Find(claim.Key, CancellationToken.None) is not null)
            {
                return false;
            }

            await claims.Add(claim, CancellationToken.None);
            await Outbox.Store(new OutboxRecord(messageId, []), transaction);
            await transaction.Commit();
            return true;
        }
        catch (Exception exception) when (exception is not Xunit.Sdk.XunitException)
        {
            return false;
        }
    }
}
