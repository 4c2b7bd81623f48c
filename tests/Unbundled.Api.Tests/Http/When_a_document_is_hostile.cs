using System.Diagnostics;
using System.Net;
using Unbundled.Api.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Unbundled.Api.Tests.Http;

/// <summary>
/// The hostile documents of issue 9, each of which once took seconds to tens of seconds and gigabytes: refused in
/// validation before the expensive rules run. The body limit is raised so the documents reach validation at all; the
/// bound asserted is generous for a loaded CI machine, the real times are printed.
/// </summary>
public sealed class When_a_document_is_hostile(When_a_document_is_hostile.LargeBodies system, ITestOutputHelper output)
    : IClassFixture<When_a_document_is_hostile.LargeBodies>
{
    private static readonly TimeSpan Fast = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Should_refuse_a_fragment_bomb_26_deep_fast()
    {
        var bomb = FragmentBomb.Of(depth: 26);
        Assert.InRange(bomb.Length, 1_000, 1_500);

        await AssertRefusedFast(bomb, "QUERY_TOO_LARGE");
    }

    [Fact]
    public async Task Should_refuse_id_repeated_30000_times_fast()
    {
        await AssertRefusedFast("{ Customer(id: \"1\") { " + string.Concat(Enumerable.Repeat("id ", 30_000)) + "} }", "QUERY_TOO_LARGE");
    }

    [Fact]
    public async Task Should_refuse_1000_conflicting_fields_fast_with_a_small_answer()
    {
        var conflicting = "{ " + string.Concat(Enumerable.Range(0, 1_000).Select(i => $"Customer(id: \"{i}\") {{ id }} ")) + "}";

        var response = await AssertRefusedFast(conflicting, "QUERY_TOO_LARGE");

        Assert.InRange(response.Content.Headers.ContentLength ?? long.MaxValue, 1, 4_096);
    }

    [Fact]
    public async Task Should_refuse_499_conflicting_fields_within_the_node_limit_fast()
    {
        var conflicting = "{ " + string.Concat(Enumerable.Range(0, 499).Select(i => $"Customer(id: \"{i}\") {{ id }} ")) + "}";

        await AssertRefusedFast(conflicting, "TOO_MANY_REPEATS");
    }

    [Fact]
    public async Task Should_refuse_an_alias_flood_of_InviteCustomer_and_invite_nobody()
    {
        var emails = Enumerable.Range(0, 10_000).Select(i => GraphQLHttp.UniqueEmail($"flood{i}")).ToArray();
        var flood = "mutation { " + string.Concat(emails.Select((email, i) => $"a{i}: InviteCustomer(email: \"{email}\") {{ id }} ")) + "}";

        await AssertRefusedFast(flood, "QUERY_TOO_LARGE");

        await system.Http.InviteNewCustomer(emails[0]);
        await system.Http.InviteNewCustomer(emails[^1]);
    }

    [Fact]
    public async Task Should_allow_as_many_invites_as_configured()
    {
        var (ada, grace) = (GraphQLHttp.UniqueEmail("ada"), GraphQLHttp.UniqueEmail("grace"));

        var answer = await (await system.Http.PostGraphQL(
            $$"""mutation { a: InviteCustomer(email: "{{ada}}") { email } b: InviteCustomer(email: "{{grace}}") { email } }""")).ReadJson();

        Assert.Equal(ada, (string?)answer["data"]?["a"]?["email"]);
        Assert.Equal(grace, (string?)answer["data"]?["b"]?["email"]);
    }

    private async Task<HttpResponseMessage> AssertRefusedFast(string query, string code)
    {
        var started = Stopwatch.GetTimestamp();
        var response = await system.Http.PostGraphQL(query);
        var answer = await response.ReadJson();
        var elapsed = Stopwatch.GetElapsedTime(started);
        output.WriteLine($"{query.Length:N0} characters refused with {answer.FirstErrorCode()} in {elapsed.TotalMilliseconds:0.0} ms");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(code, answer.FirstErrorCode());
        Assert.True(elapsed < Fast, $"took {elapsed.TotalMilliseconds:0} ms");
        return response;
    }

    public sealed class LargeBodies() : RunningSystem(
        "--Unbundled:Api:MaxRequestBodyBytes", "2000000",
        "--Unbundled:Api:MaxInvitesPerRequest", "2");
}
