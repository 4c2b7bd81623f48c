using System.Globalization;
using System.Threading.RateLimiting;
using Unbundled.Api.GraphQL;
using Unbundled.Api.Http;

namespace Unbundled.Api.Security;

/// <summary>ASP.NET Core's rate limiter, one fixed window per client; a refusal is a GraphQL error with Retry-After.</summary>
internal static class ClientRateLimit
{
    public const string Policy = "graphql-per-client";

    public static IServiceCollection AddClientRateLimit(this IServiceCollection services, RateLimitOptions options) =>
        services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(Policy, http => RateLimitPartition.GetFixedWindowLimiter(Client(http), _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = options.PermitLimit,
                Window = TimeSpan.FromSeconds(options.WindowSeconds),
                QueueLimit = 0,
            }));
            limiter.OnRejected = (rejected, _) => Refuse(rejected.HttpContext, rejected.Lease);
        });

    /// <summary>The caller's subject when it authenticated, else its address.</summary>
    private static string Client(HttpContext http) =>
        http.User.Identity?.IsAuthenticated == true && (http.User.FindFirst("sub") ?? http.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)) is { } subject
            ? $"caller:{subject.Value}"
            : $"address:{http.Connection.RemoteIpAddress}";

    private static ValueTask Refuse(HttpContext http, RateLimitLease lease)
    {
        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return new ValueTask(GraphQLErrorAnswer.Write(http, StatusCodes.Status429TooManyRequests, ErrorCodes.RateLimited,
            $"Too many requests from this client; try again in {seconds} s."));
    }
}
