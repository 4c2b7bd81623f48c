using System.Net;
using System.Text.Json.Nodes;
using Unbundled.Api.Tests.Infrastructure;

namespace Unbundled.Api.Tests.Http;

public sealed class When_asking_for_a_customer_that_does_not_exist(RunningSystem system) : IClassFixture<RunningSystem>
{
    [Theory]
    [InlineData("0198c3a4-54b6-7a2e-9a51-2f1a4c0b7e11")]
    [InlineData("not-a-guid")]
    [InlineData("")]
    public async Task The_answer_is_null_without_an_error(string id)
    {
        var response = await system.Http.PostGraphQL($$"""{ Customer(id: "{{id}}") { id email invited } }""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await response.ReadJson();
        Assert.False(answer.ContainsKey("errors"), answer.ToJsonString());
        var data = Assert.IsType<JsonObject>(answer["data"]);
        Assert.True(data.ContainsKey("Customer"));
        Assert.Null(data["Customer"]);
    }
}
