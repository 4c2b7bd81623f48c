using Unbundled.Domain.Commands;
using Unbundled.Domain.Events;
using Unbundled.Domain.Invitations;

namespace Unbundled.Domain.Tests.Invitations;

public class When_an_invite_is_redelivered
{
    private readonly InviteCustomer command = new(
        "ann@example.com",
        Guid.Parse("c0000000-0000-4000-8000-000000000005"),
        Guid.Parse("e0000000-0000-4000-8000-000000000005"),
        DateTimeOffset.UnixEpoch);

    [Fact]
    public void The_same_customer_invited_event_is_decided_again()
    {
        var first = InviteDecider.Decide(command, existing: null);
        var claim = InviteDecider.Evolve(null, first);

        var again = InviteDecider.Decide(command, claim);

        Assert.Equal(first, again);
    }

    [Fact]
    public void The_ids_not_the_spelling_of_the_email_identify_a_redelivery()
    {
        var first = InviteDecider.Decide(command, existing: null);
        var claim = InviteDecider.Evolve(null, first);

        var again = InviteDecider.Decide(command with { Email = " ANN@example.com" }, claim);

        Assert.Equal(first, again);
    }

    [Fact]
    public void Another_command_for_the_same_customer_is_not_a_redelivery()
    {
        var claim = InviteDecider.Evolve(null, InviteDecider.Decide(command, existing: null));

        var outcome = InviteDecider.Decide(command with { EventId = Guid.Parse("e0000000-0000-4000-8000-000000000015") }, claim);

        Assert.Equal(InviteFailureReason.AlreadyInvited, Assert.IsType<CustomerInviteFailed>(outcome).Reason);
    }
}
