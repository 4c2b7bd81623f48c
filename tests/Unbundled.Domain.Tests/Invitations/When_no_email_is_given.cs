using Unbundled.Domain.Commands;
using Unbundled.Domain.Events;
using Unbundled.Domain.Invitations;

namespace Unbundled.Domain.Tests.Invitations;

public class When_no_email_is_given
{
    private static readonly Guid EventId = Guid.Parse("0b9a3c1e-0000-4000-8000-000000000001");

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\r\n")]
    public void The_invite_fails_because_an_email_is_required(string? email)
    {
        var command = new InviteCustomer(email, Guid.Parse("c0000000-0000-4000-8000-000000000001"), EventId, DateTimeOffset.UnixEpoch);

        var outcome = InviteDecider.Decide(command, existing: null);

        var failed = Assert.IsType<CustomerInviteFailed>(outcome);
        Assert.Equal(InviteFailureReason.EmailRequired, failed.Reason);
        Assert.Equal("Email is required", failed.Message);
        Assert.Equal(EventId, failed.EventId);
        Assert.Equal(email, failed.Email);
        Assert.Null(failed.ExistingCustomerId);
    }
}
