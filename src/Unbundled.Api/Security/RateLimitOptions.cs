namespace Unbundled.Api.Security;

/// <summary>
/// Requests to <c>/graphql</c> per client and window, bound from <c>Unbundled:Api:RateLimit</c>; a
/// <see cref="PermitLimit"/> of 0 (the default) turns the limit off. A client is the authenticated caller (the token's
/// subject or the API key's name), else its IP address: behind a load balancer, set
/// <c>ASPNETCORE_FORWARDEDHEADERS_ENABLED=true</c> so that is the client's and not the balancer's.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "Unbundled:Api:RateLimit";

    public int PermitLimit { get; set; }

    public double WindowSeconds { get; set; } = 60;

    public bool Enabled => PermitLimit > 0;
}
