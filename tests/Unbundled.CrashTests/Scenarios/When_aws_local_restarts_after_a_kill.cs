using Unbundled.AcceptanceTests.Infrastructure;
using Unbundled.CrashTests.Infrastructure;
using Unbundled.Testing;
using Xunit;

namespace Unbundled.CrashTests.Scenarios;

public sealed class When_aws_local_restarts_after_a_kill
{
    [Fact]
    public async Task Should_keep_every_customer_and_claim()
    {
        using var data = new DataFolder();
        var invited = new Dictionary<string, string>();
        await using (var first = await AppHostProcess.Start("aws-local", data.Path))
        {
            using var http = new HttpClient { BaseAddress = first.ApiAddress };
            for (var i = 0; i < 3; i++)
            {
                var email = $"kept-{Guid.NewGuid():N}@example.com";
                invited[email] = (await new GraphQLClient(http).Invite(email)).InvitedId!;
            }

            await Signal.KillNow(first.Id);
            Assert.Equal(137, await first.WaitForExit(TimeSpan.FromSeconds(30)));
        }

        await using var second = await AppHostProcess.Start("aws-local", data.Path);
        using var again = new HttpClient { BaseAddress = second.ApiAddress };
        var api = new GraphQLClient(again);
        foreach (var (email, id) in invited)
        {
            Assert.Equal(email, (await api.Customer(id)).Field("Customer")?["email"]?.GetValue<string>());
            var reinvite = await api.Invite(email);
            Assert.Equal("CUSTOMER_ALREADY_INVITED", reinvite.ErrorCode);
            Assert.Equal(id, reinvite.FirstError!["extensions"]!["customerId"]!.GetValue<string>());
        }
    }
}
