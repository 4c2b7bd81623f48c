using Unbundled.AcceptanceTests.Infrastructure;
using Xunit;

namespace Unbundled.AcceptanceTests.Scenarios;

public abstract class When_a_handler_fails_once<TSystem>(TSystem system) : AcceptanceTest<TSystem>(system)
    where TSystem : class, ISystemUnderTest
{
    [Fact]
    public async Task The_invite_is_retried_and_makes_one_customer()
    {
        // Emails of this domain fail on their first look-up (the shell's fault injection), so the command is retried.
        var email = UniqueEmail(ISystemUnderTest.FailOnceDomain);

        var response = await Api.Invite(email);

        Assert.NotNull(response.InvitedId);
        var again = await Api.Invite(email);
        Assert.Equal("CUSTOMER_ALREADY_INVITED", again.ErrorCode);
        Assert.Equal(response.InvitedId, again.FirstError!["extensions"]!["customerId"]!.GetValue<string>());
    }
}
