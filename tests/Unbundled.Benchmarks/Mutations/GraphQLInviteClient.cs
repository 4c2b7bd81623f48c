using System.Net.Http.Json;
using System.Text.Json;

namespace Unbundled.Benchmarks.Mutations;

/// <summary>Sends <c>InviteCustomer</c> as a browser would (POST /graphql, keep-alive) and insists on <c>invited: true</c>.</summary>
internal sealed class GraphQLInviteClient(Uri baseAddress) : IDisposable
{
    private const string Mutation = "mutation Invite($email: String) { InviteCustomer(email: $email) { id email invited } }";

    private readonly HttpClient http = new(new SocketsHttpHandler
    {
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
    })
    {
        BaseAddress = baseAddress,
    };

    public async Task Invite(string email)
    {
        using var response = await http.PostAsJsonAsync("/graphql", new { query = Mutation, variables = new { email } });
        var body = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        if (!response.IsSuccessStatusCode
            || root.TryGetProperty("errors", out _)
            || !root.TryGetProperty("data", out var data)
            || !data.TryGetProperty("InviteCustomer", out var customer)
            || customer.ValueKind != JsonValueKind.Object
            || !customer.GetProperty("invited").GetBoolean())
        {
            throw new InvalidOperationException($"InviteCustomer({email}) was not invited: HTTP {(int)response.StatusCode} {body}");
        }
    }

    public void Dispose() => http.Dispose();
}
