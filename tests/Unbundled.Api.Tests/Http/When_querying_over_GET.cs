using System.Net;
using Unbundled.Api.Tests.Infrastructure;

namespace Unbundled.Api.Tests.Http;

public sealed class When_querying_over_GET(RunningSystem system) : IClassFixture<RunningSystem>
{
    [Fact]
    public async Task A_query_in_the_query_string_finds_the_customer_just_invited()
    {
        var email = GraphQLHttp.UniqueEmail("grace");
        var id = await system.Http.InviteNewCustomer(email);

        var response = await system.Http.GetGraphQL($$$"""{Customer(id:"{{{id}}}"){id email invited}}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var customer = (await response.ReadJson())["data"]!["Customer"]!;
        Assert.Equal(id, (string?)customer["id"]);
        Assert.Equal(email, (string?)customer["email"]);
        Assert.True((bool?)customer["invited"]);
    }

    [Fact]
    public async Task A_mutation_in_the_query_string_gets_400_and_invites_nobody()
    {
        var email = GraphQLHttp.UniqueEmail("mallory");

        var response = await system.Http.GetGraphQL($$"""mutation { InviteCustomer(email: "{{email}}") { id } }""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var answer = await response.ReadJson();
        Assert.Contains("POST", (string?)Assert.Single(answer.Errors())!["message"]);
        Assert.False(answer.ContainsKey("data"));

        // Had the GET gone through, this invite would be refused as a second one.
        await system.Http.InviteNewCustomer(email);
    }
}
