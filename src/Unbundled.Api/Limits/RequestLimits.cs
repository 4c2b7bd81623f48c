namespace Unbundled.Api.Limits;

/// <summary>
/// What one request may ask of the API, bound from <c>Unbundled:Api</c>. The defaults leave room for every document the
/// schema makes sense of (GraphiQL's introspection query included) and stop hostile ones before they cost anything; see
/// docs/api-limits.md for the numbers behind them.
/// </summary>
public sealed class RequestLimits
{
    public const string Section = "Unbundled:Api";

    /// <summary>The largest request body, checked against Content-Length before reading and as a chunked body streams.</summary>
    public long MaxRequestBodyBytes { get; set; } = 64 * 1024;

    /// <summary>The deepest nesting of fields, fragments expanded (GraphiQL's introspection query needs 15).</summary>
    public int MaxDepth { get; set; } = 20;

    /// <summary>Fields, fragment spreads and inline fragments of one operation, fragments expanded.</summary>
    public int MaxNodes { get; set; } = 1_000;

    /// <summary>Aliased fields of one operation, fragments expanded.</summary>
    public int MaxAliases { get; set; } = 20;

    /// <summary>
    /// Fields answering under one response path (<c>a: Customer(…)</c> twice, or one field in two fragments spread side
    /// by side): the overlapping-fields rule compares them pairwise.
    /// </summary>
    public int MaxSameResponseName { get; set; } = 10;

    /// <summary><c>InviteCustomer</c> fields in one mutation: each one sends a command.</summary>
    public int MaxInvitesPerRequest { get; set; } = 1;

    /// <summary>Errors in one answer; the rest are summed up in one last error.</summary>
    public int MaxErrors { get; set; } = 20;

    /// <summary>The largest answer; a larger one is replaced by an error.</summary>
    public int MaxResponseBytes { get; set; } = 1024 * 1024;
}
