using System.Net;
using Unbundled.Api.Tests.Infrastructure;

namespace Unbundled.Api.Tests.Http;

public sealed class When_an_answer_is_written(RunningSystem system) : IClassFixture<RunningSystem>
{
    [Theory]
    [InlineData("{ __typename }", HttpStatusCode.OK)]
    [InlineData("{ nothing }", HttpStatusCode.BadRequest)]
    public async Task It_comes_whole_with_its_length_as_a_GraphQL_response(string query, HttpStatusCode status)
    {
        var response = await system.Http.PostGraphQL(query);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/graphql-response+json", response.Content.Headers.ContentType?.MediaType);
        Assert.NotEqual(true, response.Headers.TransferEncodingChunked);
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(body.Length, response.Content.Headers.ContentLength);
        Assert.NotNull(System.Text.Json.Nodes.JsonNode.Parse(body));
    }
}
