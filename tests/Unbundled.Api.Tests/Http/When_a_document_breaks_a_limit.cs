using System.Net;
using Unbundled.Api.Tests.Infrastructure;
using Unbundled.Testing;

namespace Unbundled.Api.Tests.Http;

/// <summary>The default limits (Unbundled:Api), each broken by one more than it allows, and documents that keep them.</summary>
public sealed class When_a_document_breaks_a_limit(RunningSystem system) : IClassFixture<RunningSystem>
{
    [Fact]
    public async Task Should_refuse_fields_nested_deeper_than_20()
    {
        // __schema, queryType, fields, type, 16 ofTypes, then name: 21 levels.
        var query = "{ __schema { queryType { fields { type { " + Repeat("ofType { ", 16) + "name" + Repeat(" }", 20) + " }";

        await AssertRefused(query, "QUERY_TOO_DEEP");
    }

    [Fact]
    public async Task Should_refuse_more_than_1000_fields_and_fragments()
    {
        await AssertRefused("{ Customer(id: \"1\") { " + Repeat("id ", 1000) + "} }", "QUERY_TOO_LARGE");
    }

    [Fact]
    public async Task Should_count_fragments_as_often_as_they_are_spread()
    {
        // F0 spreads F1 twice, …, F9 spreads F10 twice: 1,024 copies of F10's __typename; 3 deep makes 8.
        await AssertRefused(FragmentBomb.Of(depth: 10), "QUERY_TOO_LARGE");
        var small = await system.Http.PostGraphQL(FragmentBomb.Of(depth: 3));
        Assert.Equal(HttpStatusCode.OK, small.StatusCode);
    }

    [Fact]
    public async Task Should_refuse_more_than_10_fields_answering_at_one_path()
    {
        // Ten identical Customer fields (and ten ids under them) merge into one; an eleventh, through a fragment, is refused.
        var ten = string.Concat(Enumerable.Repeat("Customer(id: \"1\") { id } ", 10));
        Assert.Equal(HttpStatusCode.OK, (await system.Http.PostGraphQL("{ " + ten + "}")).StatusCode);

        await AssertRefused("{ " + ten + "...Eleventh } fragment Eleventh on Query { Customer(id: \"1\") { id } }", "TOO_MANY_REPEATS");
    }

    [Fact]
    public async Task Should_refuse_more_than_20_aliases()
    {
        await AssertRefused("{ " + string.Concat(Enumerable.Range(0, 21).Select(i => $"a{i}: __typename ")) + "}", "TOO_MANY_ALIASES");
    }

    [Fact]
    public async Task Should_refuse_a_second_InviteCustomer_and_invite_nobody()
    {
        var (ada, grace) = (GraphQLHttp.UniqueEmail("ada"), GraphQLHttp.UniqueEmail("grace"));

        await AssertRefused($$"""mutation { a: InviteCustomer(email: "{{ada}}") { id } b: InviteCustomer(email: "{{grace}}") { id } }""", "TOO_MANY_INVITES");

        await system.Http.InviteNewCustomer(ada);
        await system.Http.InviteNewCustomer(grace);
    }

    [Fact]
    public async Task Should_refuse_a_document_with_a_type_system_definition()
    {
        await AssertRefused("directive @x on FIELD { __typename }", "NOT_EXECUTABLE");
    }

    [Fact]
    public async Task Should_send_at_most_20_errors_and_say_how_many_were_left_out()
    {
        var response = await system.Http.PostGraphQL("{ " + string.Concat(Enumerable.Range(0, 30).Select(i => $"unknown{i} ")) + "}");

        var errors = (await response.ReadJson()).Errors();
        Assert.Equal(21, errors.Count);
        Assert.Equal("TOO_MANY_ERRORS", (string?)errors[20]!["extensions"]?["code"]);
        Assert.Contains("10 more", (string?)errors[20]!["message"]);
    }

    [Fact]
    public async Task Should_answer_GraphiQLs_introspection_query()
    {
        var response = await system.Http.PostGraphQL(await File.ReadAllTextAsync(RepositoryRoot.Combine("tests", "Unbundled.Api.Tests", "Http", "introspection.graphql")));

        var answer = await response.ReadJson();
        Assert.True(response.StatusCode == HttpStatusCode.OK, answer.ToJsonString());
        Assert.NotNull(answer["data"]?["__schema"]?["queryType"]);
    }

    private async Task AssertRefused(string query, string code)
    {
        var response = await system.Http.PostGraphQL(query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var answer = await response.ReadJson();
        Assert.Equal(code, answer.FirstErrorCode());
        Assert.False(answer.ContainsKey("data"));
    }

    private static string Repeat(string text, int times) => string.Concat(Enumerable.Repeat(text, times));
}
