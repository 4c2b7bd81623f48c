using System.Net;
using Unbundled.Api.Tests.Infrastructure;

namespace Unbundled.Api.Tests.Security;

/// <summary>Three requests per client and hour: the fourth is refused; another client still has its own three.</summary>
public sealed class When_a_client_sends_too_many_requests(When_a_client_sends_too_many_requests.Limited system)
    : IClassFixture<When_a_client_sends_too_many_requests.Limited>
{
    [Fact]
    public async Task Should_answer_429_with_RATE_LIMITED_and_Retry_After_per_caller()
    {
        var ada = TestTokens.Token(subject: $"ada-{Guid.NewGuid():N}");
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await system.Http.PostGraphQL("{ __typename }", bearer: ada)).StatusCode);
        }

        var refused = await system.Http.PostGraphQL("{ __typename }", bearer: ada);
        var other = await system.Http.PostGraphQL("{ __typename }", bearer: TestTokens.Token(subject: $"grace-{Guid.NewGuid():N}"));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("RATE_LIMITED", (await refused.ReadJson()).FirstErrorCode());
        Assert.InRange(refused.Headers.RetryAfter?.Delta ?? TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1));
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task Should_limit_a_client_without_credentials_by_its_address_and_leave_health_open()
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await system.Http.GetGraphQL("{ __typename }")).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.OK, (await system.Http.GetAsync("/health")).StatusCode);
    }

    public sealed class Limited() : RunningSystem(
    [
        .. TestTokens.Settings(publicQueries: true),
        "--Unbundled:Api:RateLimit:PermitLimit", "3",
        "--Unbundled:Api:RateLimit:WindowSeconds", "3600",
    ]);
}
