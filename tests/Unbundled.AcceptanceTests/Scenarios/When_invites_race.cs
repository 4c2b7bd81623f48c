using Unbundled.AcceptanceTests.Infrastructure;
using Xunit;

namespace Unbundled.AcceptanceTests.Scenarios;

public abstract class When_invites_race<TSystem>(TSystem system) : AcceptanceTest<TSystem>(system)
    where TSystem : class, ISystemUnderTest
{
    [Fact]
    public async Task Twenty_invites_of_one_email_make_exactly_one_customer()
    {
        var email = UniqueEmail();

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Api.Invite(email)));

        var winner = Assert.Single(responses, r => r.InvitedId is not null);
        var losers = responses.Where(r => r.InvitedId is null).ToList();
        Assert.Equal(19, losers.Count);
        Assert.All(losers, r => Assert.Equal("CUSTOMER_ALREADY_INVITED", r.ErrorCode));
        Assert.All(losers, r => Assert.Equal(winner.InvitedId, r.FirstError!["extensions"]!["customerId"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Two_hundred_distinct_invites_all_succeed_and_are_all_queryable()
    {
        var emails = Enumerable.Range(0, 200).Select(_ => UniqueEmail()).ToList();

        var responses = await Task.WhenAll(emails.Select(Api.Invite));

        Assert.All(responses, r => Assert.NotNull(r.InvitedId));
        var found = await Task.WhenAll(responses.Select(r => Api.Customer(r.InvitedId!)));
        Assert.Equal(emails, found.Select(f => f.Field("Customer")!["email"]!.GetValue<string>()));
    }
}
