using System.Net;
using System.Text;
using Unbundled.Api.Tests.Infrastructure;

namespace Unbundled.Api.Tests.Http;

/// <summary>
/// A cross-site page can POST a form, text or multipart body without a CORS preflight: such a body must not run a
/// mutation, whatever it holds.
/// </summary>
public sealed class When_a_mutation_is_not_sent_as_JSON(RunningSystem system) : IClassFixture<RunningSystem>
{
    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("multipart/form-data; boundary=x")]
    [InlineData("application/json; charset=latin1")]
    [InlineData(null)]
    public async Task Should_answer_415_and_invite_nobody(string? contentType)
    {
        var email = GraphQLHttp.UniqueEmail("mallory");
        var body = new ByteArrayContent(Encoding.UTF8.GetBytes($$"""{"query":"mutation { InviteCustomer(email: \"{{email}}\") { id } }"}"""));
        if (contentType is not null)
        {
            body.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        var response = await system.Http.PostAsync("/graphql", body);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("UNSUPPORTED_MEDIA_TYPE", (await response.ReadJson()).FirstErrorCode());
        // Had the mutation run, this invite would be refused as a second one.
        await system.Http.InviteNewCustomer(email);
    }

    [Theory]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("application/graphql-response+json")]
    public async Task Should_run_with_a_JSON_content_type(string contentType)
    {
        var body = new ByteArrayContent("""{"query":"{ __typename }"}"""u8.ToArray());
        body.Headers.TryAddWithoutValidation("Content-Type", contentType);

        var response = await system.Http.PostAsync("/graphql", body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Query", (string?)(await response.ReadJson())["data"]?["__typename"]);
    }
}
