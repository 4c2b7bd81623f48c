using System.Net;
using Unbundled.Api.Tests.Infrastructure;

namespace Unbundled.Api.Tests.Http;

public sealed class When_a_request_is_malformed(RunningSystem system) : IClassFixture<RunningSystem>
{
    [Theory]
    [InlineData("{ \"query\": ")]
    [InlineData("not json at all")]
    [InlineData("")]
    [InlineData("{ \"query\": \"{ __typename }\" } { }")]
    public async Task A_body_that_is_not_JSON_gets_400_with_INVALID_JSON(string body)
    {
        var response = await system.Http.PostBody(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("INVALID_JSON", (await response.ReadJson()).FirstErrorCode());
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{ \"operationName\": \"Customer\" }")]
    [InlineData("{ \"query\": \"  \" }")]
    [InlineData("null")]
    public async Task A_body_without_a_query_gets_400_with_INVALID_REQUEST(string body)
    {
        var response = await system.Http.PostBody(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("INVALID_REQUEST", (await response.ReadJson()).FirstErrorCode());
    }

    [Fact]
    public async Task A_syntax_error_gets_400_with_errors_and_no_data()
    {
        var response = await system.Http.PostGraphQL("""{ Customer(id: "1") { id """);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var answer = await response.ReadJson();
        Assert.NotEmpty(answer.Errors());
        Assert.False(answer.ContainsKey("data"));
    }

    [Fact]
    public async Task An_unknown_field_gets_400_with_an_error_that_names_it()
    {
        var response = await system.Http.PostGraphQL("""{ Customer(id: "1") { id name } }""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = Assert.Single((await response.ReadJson()).Errors());
        Assert.Contains("name", (string?)error!["message"]);
    }

    [Theory]
    [InlineData("{ id: ")]
    [InlineData("[1]")]
    [InlineData("")]
    public async Task Variables_in_the_query_string_that_are_not_a_JSON_object_get_400_with_INVALID_JSON(string variables)
    {
        var query = Uri.EscapeDataString("query ($id: ID!) { Customer(id: $id) { id } }");

        var response = await system.Http.GetAsync($"/graphql?query={query}&variables={Uri.EscapeDataString(variables)}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("INVALID_JSON", (await response.ReadJson()).FirstErrorCode());
    }
}
