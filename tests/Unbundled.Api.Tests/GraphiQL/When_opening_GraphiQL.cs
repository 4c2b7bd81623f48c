using System.Net;
using System.Text.RegularExpressions;
using Unbundled.Api.Tests.Infrastructure;

namespace Unbundled.Api.Tests.GraphiQL;

public sealed partial class When_opening_GraphiQL(RunningSystem system) : IClassFixture<RunningSystem>
{
    [Fact]
    public async Task The_root_serves_the_GraphiQL_page_with_the_example_mutation()
    {
        var response = await system.Http.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("GraphiQL.createFetcher({ url: '/graphql' })", html);
        Assert.Contains("""InviteCustomer(email: "ada@example.com")""", html);
    }

    [Fact]
    public async Task The_page_loads_only_the_APIs_own_GraphiQL_files()
    {
        var html = await system.Http.GetStringAsync("/");

        // An inline data: URL is no request; everything else the page loads must be the API's own.
        var references = ScriptAndStyleReferences().Matches(html)
            .Select(match => match.Groups["url"].Value)
            .Where(url => !url.StartsWith("data:", StringComparison.Ordinal))
            .ToList();

        Assert.Equal(
            ["/graphiql/graphiql.min.css", "/graphiql/react.production.min.js", "/graphiql/react-dom.production.min.js", "/graphiql/graphiql.min.js"],
            references);
        Assert.DoesNotContain("://", html);
    }

    [Theory]
    [InlineData("/graphiql/graphiql.min.js", "text/javascript")]
    [InlineData("/graphiql/graphiql.min.css", "text/css")]
    [InlineData("/graphiql/react.production.min.js", "text/javascript")]
    [InlineData("/graphiql/react-dom.production.min.js", "text/javascript")]
    public async Task Each_file_is_served_with_its_content_type(string path, string contentType)
    {
        var response = await system.Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        Assert.True((await response.Content.ReadAsByteArrayAsync()).Length > 1000, $"{path} is nearly empty");
    }

    [GeneratedRegex("""<(?:script|link)\b[^>]*\b(?:src|href)="(?<url>[^"]*)""")]
    private static partial Regex ScriptAndStyleReferences();
}
