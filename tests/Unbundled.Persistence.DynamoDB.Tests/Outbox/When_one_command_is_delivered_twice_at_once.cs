using Unbundled.Domain.Commands;
using Unbundled.Domain.Events;
using Unbundled.Domain.Messages;
using Unbundled.Messaging;
using Unbundled.Messaging.TransportTests.Infrastructure;
using Unbundled.Persistence.DynamoDB.Tests.Infrastructure;
using Xunit;

namespace Unbundled.Persistence.DynamoDB.Tests.Outbox;

/// <summary>
/// Two copies of one command (same message id) are processed side by side, both past the outbox check and the claim
/// look-up before either commits. One claim put wins; the other fails, is retried, and finds the claim its own command made.
/// </summary>
public sealed class When_one_command_is_delivered_twice_at_once : IAsyncLifetime
{
    private const string MessageId = "invite-1";

    private static readonly InviteCustomer Command = new("ada@example.com", Guid.NewGuid(), Guid.NewGuid(), new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));

    private CustomersWorld world = null!;

    public async Task InitializeAsync() => world = await CustomersWorld.Create();

    public async Task DisposeAsync() => await world.DisposeAsync();

    [Fact]
    public async Task Should_make_one_claim_and_publish_only_copies_of_one_event()
    {
        world.Claims.HoldFirstFinds(2);
        await world.Start(immediateRetries: 5);

        await world.Deliver(Command, MessageId);
        await world.Deliver(Command, MessageId);
        await world.Audit.Next();
        await world.Audit.Next();

        Assert.True(world.Claims.MetAtRendezvous, "The two deliveries did not overlap.");
        var claim = Assert.Single(await world.ClaimItems());
        Assert.Equal((Command.CustomerId.ToString(), Command.EventId.ToString()), (claim["CustomerId"].S, claim["EventId"].S));
        var published = await Drain(world.Published);
        Assert.NotEmpty(published);
        Assert.All(published, e =>
        {
            Assert.Equal(new CustomerInvited(Command.EventId, Command.CustomerId, Command.Email!, Command.RequestedAt), e.Message);
            Assert.Equal(Command.EventId.ToString(), e.Headers[Headers.MessageId]);
        });
        var replies = await DrainReplies();
        Assert.NotEmpty(replies);
        Assert.All(replies, reply => Assert.Equal((true, Command.CustomerId), (reply.Invited, reply.CustomerId)));
    }

    [Fact]
    public async Task Should_publish_one_copy_of_the_event_per_delivery_when_the_winner_is_slow_to_dispatch()
    {
        // The winner commits its claim and stalls before dispatching; the loser's retry finds no outbox record, runs the
        // handler, finds the claim its own command made and sends the very same event. Subscribers see one id twice.
        world.Claims.HoldFirstFinds(2);
        await world.Start(immediateRetries: 5, firstPublishDelay: TimeSpan.FromSeconds(2));

        await world.Deliver(Command, MessageId);
        await world.Deliver(Command, MessageId);
        await world.Audit.Next();
        await world.Audit.Next();

        Assert.True(world.Claims.MetAtRendezvous, "The two deliveries did not overlap.");
        Assert.Single(await world.ClaimItems());
        var published = await Drain(world.Published);
        Assert.Equal(2, published.Count);
        Assert.All(published, e => Assert.Equal(Command.EventId.ToString(), e.Headers[Headers.MessageId]));
        Assert.Single(published.Select(e => e.Message).Distinct());
        Assert.Equal(3, world.Claims.Finds);
        Assert.True((await world.Outbox.Get(MessageId))!.Dispatched);
    }

    private static async Task<List<Observed>> Drain(Observations observations)
    {
        var all = new List<Observed> { await observations.Next() };
        while (!await observations.NothingMoreWithin(Scenario.QuietPeriod))
        {
            all.Add(await observations.Next());
        }

        return all;
    }

    private async Task<List<InviteCustomerResponse>> DrainReplies()
    {
        var all = new List<InviteCustomerResponse> { await world.NextReply() };
        while (!await world.Replies.NothingWithin(TimeSpan.FromMilliseconds(500)))
        {
            all.Add(await world.NextReply());
        }

        return all;
    }
}
