using System.Net;
using Unbundled.Api.Tests.Infrastructure;

namespace Unbundled.Api.Tests.Security;

public sealed class When_queries_are_not_public(When_queries_are_not_public.Closed system) : IClassFixture<When_queries_are_not_public.Closed>
{
    [Fact]
    public async Task Should_refuse_a_query_without_credentials_over_POST_and_GET()
    {
        await When_authentication_is_configured.AssertUnauthenticated(await system.Http.PostGraphQL("{ __typename }", bearer: null));
        await When_authentication_is_configured.AssertUnauthenticated(await system.Http.GetGraphQL("{ __typename }"));
    }

    [Fact]
    public async Task Should_answer_a_query_with_credentials()
    {
        Assert.Equal(HttpStatusCode.OK, (await system.Http.PostGraphQL("{ __typename }", apiKey: TestTokens.ApiKey)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await system.Http.PostGraphQL("{ __typename }", bearer: TestTokens.Token())).StatusCode);
    }

    [Fact]
    public async Task Should_leave_health_open()
    {
        Assert.Equal(HttpStatusCode.OK, (await system.Http.GetAsync("/health")).StatusCode);
    }

    public sealed class Closed() : RunningSystem(TestTokens.Settings(publicQueries: false));
}
