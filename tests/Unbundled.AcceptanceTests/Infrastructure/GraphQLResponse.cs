using System.Text.Json.Nodes;

namespace Unbundled.AcceptanceTests.Infrastructure;

/// <summary>An HTTP status and the GraphQL response body, with short-cuts for the fields scenarios check.</summary>
public sealed record GraphQLResponse(int StatusCode, JsonObject Body)
{
    public JsonNode? Field(string name) => Body["data"]?[name];

    public JsonObject? FirstError => Body["errors"]?.AsArray().FirstOrDefault()?.AsObject();

    public string? ErrorCode => FirstError?["extensions"]?["code"]?.GetValue<string>();

    public string? InvitedId => Field("InviteCustomer")?["id"]?.GetValue<string>();

    public override string ToString() => $"{StatusCode} {Body.ToJsonString()}";
}
