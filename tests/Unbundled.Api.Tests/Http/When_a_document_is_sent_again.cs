using System.Net;
using System.Text.Json;
using Unbundled.Api.Tests.Infrastructure;

namespace Unbundled.Api.Tests.Http;

/// <summary>The API keeps documents it has validated: a document sent again must still answer for its own request.</summary>
public sealed class When_a_document_is_sent_again(RunningSystem system) : IClassFixture<RunningSystem>
{
    private const string Invite = "mutation Invite($email: String) { InviteCustomer(email: $email) { id email invited } }";

    [Fact]
    public async Task Each_request_is_answered_with_its_own_variables()
    {
        var ada = GraphQLHttp.UniqueEmail("ada");
        var grace = GraphQLHttp.UniqueEmail("grace");

        var first = (await (await system.Http.PostGraphQL(Invite, new { email = ada })).ReadJson())["data"]!["InviteCustomer"]!;
        var second = (await (await system.Http.PostGraphQL(Invite, new { email = grace })).ReadJson())["data"]!["InviteCustomer"]!;
        var again = await (await system.Http.PostGraphQL(Invite, new { email = ada })).ReadJson();

        Assert.Equal(ada, (string?)first["email"]);
        Assert.Equal(grace, (string?)second["email"]);
        Assert.NotEqual((string?)first["id"], (string?)second["id"]);
        Assert.Equal("CUSTOMER_ALREADY_INVITED", again.FirstErrorCode());
    }

    [Fact]
    public async Task A_mutation_posted_before_is_still_refused_over_GET()
    {
        await system.Http.PostGraphQL(Invite, new { email = GraphQLHttp.UniqueEmail("ada") });
        var email = GraphQLHttp.UniqueEmail("mallory");
        var variables = Uri.EscapeDataString(JsonSerializer.Serialize(new { email }));

        var response = await system.Http.GetAsync($"/graphql?query={Uri.EscapeDataString(Invite)}&variables={variables}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("POST", (string?)Assert.Single((await response.ReadJson()).Errors())!["message"]);

        // Had the GET gone through, this invite would be refused as a second one.
        await system.Http.InviteNewCustomer(email);
    }

    [Fact]
    public async Task A_document_without_its_required_variable_gets_400_even_after_it_answered_once()
    {
        const string byId = "query ($id: ID!) { Customer(id: $id) { id } }";
        Assert.Equal(HttpStatusCode.OK, (await system.Http.PostGraphQL(byId, new { id = Guid.NewGuid() })).StatusCode);

        var response = await system.Http.PostGraphQL(byId);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("$id", (string?)Assert.Single((await response.ReadJson()).Errors())!["message"]);
    }
}
