using Unbundled.Domain.Commands;
using Unbundled.Domain.Events;
using Unbundled.Domain.Invitations;

namespace Unbundled.Domain.Tests.Invitations;

public class When_an_email_is_invited_twice
{
    private static readonly Guid FirstCustomerId = Guid.Parse("c0000000-0000-4000-8000-000000000004");
    private static readonly Guid SecondEventId = Guid.Parse("e0000000-0000-4000-8000-000000000014");

    private readonly EmailClaim? claim = InviteDecider.Evolve(
        null,
        InviteDecider.Decide(
            new InviteCustomer("ann@example.com", FirstCustomerId, Guid.Parse("e0000000-0000-4000-8000-000000000004"), DateTimeOffset.UnixEpoch),
            existing: null));

    private readonly InviteCustomer second = new(
        "  ANN@Example.COM\t", Guid.Parse("c0000000-0000-4000-8000-000000000014"), SecondEventId, DateTimeOffset.UnixEpoch.AddDays(1));

    [Fact]
    public void Second_invite_is_rejected_with_the_first_customer_id()
    {
        var failed = Assert.IsType<CustomerInviteFailed>(InviteDecider.Decide(second, claim));

        Assert.Equal(InviteFailureReason.AlreadyInvited, failed.Reason);
        Assert.Equal("Customer already invited", failed.Message);
        Assert.Equal(FirstCustomerId, failed.ExistingCustomerId);
        Assert.Equal(SecondEventId, failed.EventId);
        Assert.Equal("  ANN@Example.COM\t", failed.Email);
    }

    [Fact]
    public void The_first_customer_keeps_the_claim()
    {
        var outcome = InviteDecider.Decide(second, claim);

        Assert.Same(claim, InviteDecider.Evolve(claim, outcome));
    }

    [Fact]
    public void Both_emails_share_one_key() =>
        Assert.Equal(claim!.Key, EmailAddress.Key(second.Email!));
}
