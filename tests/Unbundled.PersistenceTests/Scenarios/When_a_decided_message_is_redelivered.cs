using System.Text.Json;
using Unbundled.Domain.Commands;
using Unbundled.Domain.Events;
using Unbundled.Domain.Invitations;
using Unbundled.Messaging.Outbox;
using Unbundled.PersistenceTests.Infrastructure;
using Xunit;

namespace Unbundled.PersistenceTests.Scenarios;

/// <summary>
/// The outbox's promise as each persistence keeps it (docs/outbox.md): the process dies after the message's decision
/// (its claim and its outbox record) was committed and before the record was marked dispatched, and the message comes
/// again. SQLite finds the record and releases the same messages; DynamoDB, whose record rode on the claim item, finds
/// no record of its own, runs the handler again, and the decider, given the claim this message made, repeats its
/// decision. Either way: the same event, and no second customer.
/// </summary>
public abstract class When_a_decided_message_is_redelivered<TWorld> : PersistenceTest<TWorld>
    where TWorld : IPersistenceWorld, new()
{
    private const string MessageId = "invite-1";

    private static readonly InviteCustomer Command = new(
        "ada@example.com", Guid.NewGuid(), Guid.NewGuid(), new DateTimeOffset(2026, 12, 3, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Should_release_the_same_event_and_make_no_second_customer()
    {
        var first = await Deliver(Command, MessageId, diesBeforeTheMark: true);

        var again = await Deliver(Command, MessageId, diesBeforeTheMark: false);

        Assert.Equal(first, again);
        await using var reader = await Outbox.BeginTransaction();
        Assert.Equal(Command.CustomerId, (await World.EmailClaims(reader.Session).Find(EmailAddress.Key(Command.Email!), CancellationToken.None))!.CustomerId);
        var rival = Command with { CustomerId = Guid.NewGuid(), EventId = Guid.NewGuid() };
        var rejected = JsonSerializer.Deserialize<CustomerInviteFailed>(await Deliver(rival, "invite-2", diesBeforeTheMark: false));
        Assert.Equal(Command.CustomerId, rejected!.ExistingCustomerId);
    }

    [Fact]
    public async Task Should_release_nothing_once_the_record_is_marked_dispatched()
    {
        await Deliver(Command, MessageId, diesBeforeTheMark: false);

        var record = await Outbox.Get(MessageId);

        Assert.True(record is { Dispatched: true, Operations.Count: 0 }, $"{record}");
    }

    /// <summary>
    /// What the Customers endpoint does with the outbox on: an undispatched record is released as it is; otherwise the
    /// handler decides in the message's storage session, the record joins it, and after the commit the record is
    /// marked dispatched (unless the process dies first). Returns the event released.
    /// </summary>
    private async Task<string> Deliver(InviteCustomer command, string messageId, bool diesBeforeTheMark)
    {
        if (await Outbox.Get(messageId) is { Dispatched: false } recorded)
        {
            await Outbox.SetAsDispatched(messageId);
            return System.Text.Encoding.UTF8.GetString(Assert.Single(recorded.Operations).Body);
        }

        string released;
        await using (var transaction = await Outbox.BeginTransaction())
        {
            var claims = World.EmailClaims(transaction.Session);
            var claim = await claims.Find(EmailAddress.Key(command.Email!), CancellationToken.None);
            var outcome = InviteDecider.Decide(command, claim);
            if (InviteDecider.Evolve(claim, outcome) is { } evolved && evolved != claim)
            {
                await claims.Add(evolved, CancellationToken.None);
            }

            released = outcome.Match(invited => JsonSerializer.Serialize(invited), failed => JsonSerializer.Serialize(failed));
            await Outbox.Store(new OutboxRecord(messageId, [Publish(messageId, System.Text.Encoding.UTF8.GetBytes(released))]), transaction);
            await transaction.Commit();
        }

        if (!diesBeforeTheMark)
        {
            await Outbox.SetAsDispatched(messageId);
        }

        return released;
    }

    private static OutboxOperation Publish(string messageId, byte[] body) =>
        new(messageId, new Dictionary<string, string> { ["NServiceBus.MessageId"] = messageId }, body, null, typeof(CustomerInvited).AssemblyQualifiedName);
}
