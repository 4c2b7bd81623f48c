using Unbundled.AcceptanceTests.Infrastructure;
using Xunit;

namespace Unbundled.AcceptanceTests.Scenarios;

public abstract class When_a_customer_is_invited<TSystem>(TSystem system) : AcceptanceTest<TSystem>(system)
    where TSystem : class, ISystemUnderTest
{
    [Fact]
    public async Task The_invited_customer_is_returned()
    {
        var email = UniqueEmail();

        var response = await Api.Invite(email);

        Assert.Equal(200, response.StatusCode);
        var customer = response.Field("InviteCustomer")!;
        Assert.True(Guid.TryParse(customer["id"]!.GetValue<string>(), out _), response.ToString());
        Assert.Equal(email, customer["email"]!.GetValue<string>());
        Assert.True(customer["invited"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_query_sent_right_after_the_answer_finds_the_customer()
    {
        var email = UniqueEmail();

        var id = (await Api.Invite(email)).InvitedId!;
        var found = await Api.Customer(id);

        Assert.Equal(id, found.Field("Customer")!["id"]!.GetValue<string>());
        Assert.Equal(email, found.Field("Customer")!["email"]!.GetValue<string>());
        Assert.True(found.Field("Customer")!["invited"]!.GetValue<bool>());
    }

    [Fact]
    public async Task An_unknown_customer_is_null()
    {
        var found = await Api.Customer(Guid.NewGuid().ToString());

        Assert.Equal(200, found.StatusCode);
        Assert.Null(found.Field("Customer"));
        Assert.Null(found.FirstError);
    }
}
