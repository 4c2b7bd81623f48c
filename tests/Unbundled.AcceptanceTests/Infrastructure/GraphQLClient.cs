using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Unbundled.AcceptanceTests.Infrastructure;

/// <summary>A plain HTTP GraphQL client, as any client of the API would use.</summary>
public sealed class GraphQLClient(HttpClient http)
{
    public async Task<GraphQLResponse> Execute(string query, object? variables = null)
    {
        using var response = await http.PostAsJsonAsync("/graphql", new { query, variables });
        var body = await response.Content.ReadFromJsonAsync<JsonObject>() ?? throw new InvalidOperationException("Empty GraphQL response.");
        return new GraphQLResponse((int)response.StatusCode, body);
    }

    public Task<GraphQLResponse> Invite(string? email) => Execute(
        "mutation Invite($email: String) { InviteCustomer(email: $email) { id email invited } }", new { email });

    public Task<GraphQLResponse> Customer(string id) => Execute(
        "query Find($id: ID!) { Customer(id: $id) { id email invited } }", new { id });
}
