using Unbundled.AcceptanceTests.Infrastructure;
using Xunit;

namespace Unbundled.AcceptanceTests.Scenarios;

public abstract class When_the_system_restarts<TSystem>(TSystem system) : AcceptanceTest<TSystem>(system)
    where TSystem : class, ISystemUnderTest
{
    [Fact]
    public async Task Customers_and_claims_are_still_there()
    {
        var email = UniqueEmail();
        var id = (await Api.Invite(email)).InvitedId!;

        await System.Restart();

        var found = await Api.Customer(id);
        Assert.Equal(email, found.Field("Customer")!["email"]!.GetValue<string>());
        var again = await Api.Invite(email);
        Assert.Equal("CUSTOMER_ALREADY_INVITED", again.ErrorCode);
        Assert.Equal(id, again.FirstError!["extensions"]!["customerId"]!.GetValue<string>());
    }
}
