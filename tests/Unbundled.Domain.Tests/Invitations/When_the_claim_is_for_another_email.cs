using Unbundled.Domain.Commands;
using Unbundled.Domain.Invitations;

namespace Unbundled.Domain.Tests.Invitations;

public class When_the_claim_is_for_another_email
{
    [Fact]
    public void The_shell_is_told_it_loaded_the_wrong_claim()
    {
        var claim = new EmailClaim(Guid.NewGuid(), Guid.NewGuid(), "bob@example.com", DateTimeOffset.UnixEpoch);
        var command = new InviteCustomer("ann@example.com", Guid.NewGuid(), Guid.NewGuid(), DateTimeOffset.UnixEpoch);

        Assert.Throws<ArgumentException>("existing", () => InviteDecider.Decide(command, claim));
    }
}
