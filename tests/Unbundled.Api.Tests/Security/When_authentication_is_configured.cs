using System.Net;
using Unbundled.Api.Tests.Infrastructure;

namespace Unbundled.Api.Tests.Security;

/// <summary>API key and JWT configured, queries public: a mutation needs a valid credential, a query none.</summary>
public sealed class When_authentication_is_configured(When_authentication_is_configured.Secured system)
    : IClassFixture<When_authentication_is_configured.Secured>
{
    private static string Invite(string email) => $$"""mutation { InviteCustomer(email: "{{email}}") { id email } }""";

    [Fact]
    public async Task Should_refuse_a_mutation_without_credentials_with_401_and_invite_nobody()
    {
        var email = GraphQLHttp.UniqueEmail("anonymous");

        var response = await system.Http.PostGraphQL(Invite(email), bearer: null);

        await AssertUnauthenticated(response);
        await AssertInvites(email, await system.Http.PostGraphQL(Invite(email), apiKey: TestTokens.ApiKey));
    }

    public static TheoryData<string?, string?> BadCredentials => new()
    {
        { null, "not-the-key" },
        { "not.a.jwt", null },
        { TestTokens.Token(signingKey: "another-signing-key-of-32-bytes-or-more"), null },
        { TestTokens.Token(audience: "someone-else"), null },
        { TestTokens.Token(expires: DateTime.UtcNow.AddMinutes(-10)), null },
    };

    [Theory]
    [MemberData(nameof(BadCredentials))]
    public async Task Should_refuse_credentials_that_are_not_valid_with_401_even_for_a_query(string? bearer, string? apiKey)
    {
        var email = GraphQLHttp.UniqueEmail("forged");

        await AssertUnauthenticated(await system.Http.PostGraphQL(Invite(email), bearer, apiKey));
        await AssertUnauthenticated(await system.Http.PostGraphQL("{ __typename }", bearer, apiKey));
        await AssertInvites(email, await system.Http.PostGraphQL(Invite(email), bearer: TestTokens.Token()));
    }

    [Fact]
    public async Task Should_run_a_mutation_with_a_valid_API_key()
    {
        var email = GraphQLHttp.UniqueEmail("keyed");

        await AssertInvites(email, await system.Http.PostGraphQL(Invite(email), apiKey: TestTokens.ApiKey));
    }

    [Fact]
    public async Task Should_run_a_mutation_with_a_valid_token()
    {
        var email = GraphQLHttp.UniqueEmail("bearer");

        await AssertInvites(email, await system.Http.PostGraphQL(Invite(email), bearer: TestTokens.Token()));
    }

    [Fact]
    public async Task Should_answer_a_query_without_credentials()
    {
        var response = await system.Http.GetGraphQL("{ __typename }");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    internal static async Task AssertUnauthenticated(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("UNAUTHENTICATED", (await response.ReadJson()).FirstErrorCode());
    }

    private static async Task AssertInvites(string email, HttpResponseMessage response)
    {
        var answer = await response.ReadJson();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(email, (string?)answer["data"]?["InviteCustomer"]?["email"]);
    }

    public sealed class Secured() : RunningSystem(TestTokens.Settings(publicQueries: true));
}
