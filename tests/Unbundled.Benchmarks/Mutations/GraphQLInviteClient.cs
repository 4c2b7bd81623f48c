using System.Net.Http.Json;
using System.Text.Json;

namespace Unbundled.Benchmarks.Mutations;

/// <summary>Sends <c>InviteCustomer</c> as a browser would (POST /graphql, keep-alive) and reads what came back.</summary>
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

    /// <summary>Insists on <c>invited: true</c> and no errors; returns the customer's id.</summary>
    public async Task<Guid> Invite(string email)
    {
        var answer = await Send(email);
        return answer.CustomerId is { } id && answer.ErrorCode is null
            ? id
            : throw new InvalidOperationException($"InviteCustomer({email}) was not invited: {answer.Body}");
    }

    /// <summary>The answer whatever it is: the invited customer, or the first error's code and <c>customerId</c>.</summary>
    public async Task<InviteAnswer> Send(string email)
    {
        using var response = await http.PostAsJsonAsync("/graphql", new { query = Mutation, variables = new { email } });
        var body = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        if (root.TryGetProperty("errors", out var errors) && errors.GetArrayLength() > 0)
        {
            var extensions = errors[0].TryGetProperty("extensions", out var found) ? found : default;
            return new InviteAnswer(null, Text(extensions, "code") ?? "NONE", Guid.TryParse(Text(extensions, "customerId"), out var owner) ? owner : null, body);
        }

        var invited = response.IsSuccessStatusCode
            && root.TryGetProperty("data", out var data)
            && data.TryGetProperty("InviteCustomer", out var customer)
            && customer.ValueKind == JsonValueKind.Object
            && customer.GetProperty("invited").GetBoolean()
            && Guid.TryParse(customer.GetProperty("id").GetString(), out _);
        return invited
            ? new InviteAnswer(Guid.Parse(root.GetProperty("data").GetProperty("InviteCustomer").GetProperty("id").GetString()!), null, null, body)
            : new InviteAnswer(null, $"HTTP {(int)response.StatusCode}", null, body);
    }

    public void Dispose() => http.Dispose();

    private static string? Text(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}

/// <summary>What one <c>InviteCustomer</c> answered: the customer invited, or an error's code and the customer owning the email.</summary>
internal sealed record InviteAnswer(Guid? CustomerId, string? ErrorCode, Guid? ExistingCustomerId, string Body);
