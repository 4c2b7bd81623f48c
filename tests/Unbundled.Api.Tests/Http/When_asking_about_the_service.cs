using System.Net;
using Unbundled.Api.Tests.Infrastructure;

namespace Unbundled.Api.Tests.Http;

public sealed class When_asking_about_the_service(RunningSystem system) : IClassFixture<RunningSystem>
{
    [Fact]
    public async Task Health_answers_200()
    {
        var response = await system.Http.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_schema_endpoint_returns_the_SDL()
    {
        var response = await system.Http.GetAsync("/graphql/schema");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        var sdl = await response.Content.ReadAsStringAsync();
        Assert.Contains("Customer(id: ID!): Customer", sdl);
        Assert.Contains("InviteCustomer(email: String): Customer", sdl);
    }
}
