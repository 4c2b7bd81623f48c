using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Unbundled.Api.Tests.Infrastructure;

/// <summary>GraphQL over HTTP as a client sends it, and the answer as a JSON tree.</summary>
public static class GraphQLHttp
{
    public static Task<HttpResponseMessage> PostGraphQL(this HttpClient http, string query) =>
        http.PostAsJsonAsync("/graphql", new { query });

    public static Task<HttpResponseMessage> PostGraphQL(this HttpClient http, string query, object variables) =>
        http.PostAsJsonAsync("/graphql", new { query, variables });

    public static Task<HttpResponseMessage> PostBody(this HttpClient http, string body) =>
        http.PostAsync("/graphql", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

    public static Task<HttpResponseMessage> GetGraphQL(this HttpClient http, string query) =>
        http.GetAsync($"/graphql?query={Uri.EscapeDataString(query)}");

    public static async Task<JsonObject> ReadJson(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonObject>())
        ?? throw new InvalidOperationException($"HTTP {(int)response.StatusCode} came with an empty JSON body.");

    public static JsonArray Errors(this JsonObject answer) =>
        answer["errors"]?.AsArray() ?? throw new InvalidOperationException($"No errors in {answer.ToJsonString()}");

    public static string? FirstErrorCode(this JsonObject answer) =>
        (string?)answer.Errors()[0]!["extensions"]?["code"];

    /// <summary>Invites an email nobody used before and returns the new customer's id.</summary>
    public static async Task<string> InviteNewCustomer(this HttpClient http, string email)
    {
        var response = await http.PostGraphQL($$"""mutation { InviteCustomer(email: "{{email}}") { id email invited } }""");
        var answer = await response.ReadJson();
        return (string?)answer["data"]?["InviteCustomer"]?["id"]
            ?? throw new InvalidOperationException($"The invite of {email} failed: {answer.ToJsonString()}");
    }

    public static string UniqueEmail(string name) => $"{name}-{Guid.NewGuid():N}@example.com";
}
