namespace Unbundled.Api.GraphQL;

/// <summary>The <c>Customer</c> type of the schema.</summary>
public sealed record CustomerResult(string Id, string? Email, bool? Invited);
