using Unbundled.AcceptanceTests.Infrastructure;
using Xunit;

namespace Unbundled.AcceptanceTests.Scenarios;

public abstract class When_an_email_is_invited_twice<TSystem>(TSystem system) : AcceptanceTest<TSystem>(system)
    where TSystem : class, ISystemUnderTest
{
    [Fact]
    public async Task Second_invite_is_rejected_with_the_first_customer_id()
    {
        var email = UniqueEmail();
        var first = await Api.Invite(email);

        var second = await Api.Invite(email);

        AssertRejectedInFavourOf(first.InvitedId!, second);
    }

    [Fact]
    public async Task Case_and_surrounding_spaces_do_not_make_another_email()
    {
        var email = UniqueEmail();
        var first = await Api.Invite(email);

        var second = await Api.Invite($"  {email.ToUpperInvariant()} ");

        AssertRejectedInFavourOf(first.InvitedId!, second);
    }

    private static void AssertRejectedInFavourOf(string firstId, GraphQLResponse second)
    {
        Assert.Equal("CUSTOMER_ALREADY_INVITED", second.ErrorCode);
        Assert.Equal("Customer already invited", second.FirstError!["message"]!.GetValue<string>());
        Assert.Equal(firstId, second.FirstError!["extensions"]!["customerId"]!.GetValue<string>());
        Assert.Null(second.Field("InviteCustomer"));
    }
}
