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
public sealed class When_one_command_is_delivered_twice_at_once : CustomersTest
{
    [Fact]
    public async Task Should_make_one_claim_and_publish_only_copies_of_one_event()
    {
        World.Claims.HoldFirstFinds(2);
        await World.Start(immediateRetries: 5);

        await World.Deliver(Command, MessageId);
        await World.Deliver(Command, MessageId);
        await World.Audit.Next();
        await World.Audit.Next();

        Assert.True(World.Claims.MetAtRendezvous, "The two deliveries did not overlap.");
        var claim = Assert.Single(await World.ClaimItems());
        Assert.Equal((Command.CustomerId.ToString(), Command.EventId.ToString()), (claim["CustomerId"].S, claim["EventId"].S));
        var published = await Drain(World.Published);
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
        World.Claims.HoldFirstFinds(2);
        await World.Start(immediateRetries: 5, firstPublishDelay: TimeSpan.FromSeconds(2));

        await World.Deliver(Command, MessageId);
        await World.Deliver(Command, MessageId);
        await World.Audit.Next();
        await World.Audit.Next();

        Assert.True(World.Claims.MetAtRendezvous, "The two deliveries did not overlap.");
        Assert.Single(await World.ClaimItems());
        var published = await Drain(World.Published);
        Assert.Equal(2, published.Count);
        Assert.All(published, e => Assert.Equal(Command.EventId.ToString(), e.Headers[Headers.MessageId]));
        Assert.Single(published.Select(e => e.Message).Distinct());
        Assert.Equal(3, World.Claims.Finds);
        Assert.True((await World.Outbox.Get(MessageId))!.Dispatched);
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
        var all = new List<InviteCustomerResponse> { await World.NextReply() };
        while (!await World.Replies.NothingWithin(TimeSpan.FromMilliseconds(500)))
        {
            all.Add(await World.NextReply());
        }

        return all;
    }
}
