using Microsoft.Extensions.Configuration;
using Unbundled.Messaging;

namespace Unbundled.Shell;

/// <summary>
/// What every endpoint of every shell tells the Particular Service Platform, from configuration, each on unless its key is
/// set to the empty string (README "Operations"): processed messages to <c>Unbundled:AuditQueue</c> (default
/// <c>audit</c>).
/// </summary>
public static class ServicePlatformConventions
{
    public const string AuditQueueKey = "Unbundled:AuditQueue";
    public const string DefaultAuditQueue = "audit";
    public const string ServiceControlQueueKey = "Unbundled:ServiceControlQueue";
    public const string DefaultServiceControlQueue = "Particular.ServiceControl";

    public static void UseServicePlatform(this EndpointConfiguration endpoint, IConfiguration configuration)
    {
        if (QueueOrNull(configuration, AuditQueueKey, DefaultAuditQueue) is { } audit)
        {
            endpoint.AuditProcessedMessagesTo(audit);
        }

        if (QueueOrNull(configuration, ServiceControlQueueKey, DefaultServiceControlQueue) is { } serviceControl)
        {
            endpoint.SendHeartbeatTo(serviceControl).ReportCustomChecksTo(serviceControl);
        }
    }

    /// <summary>The configured queue, the default when the key is absent, null (off) when it is set to the empty string.</summary>
    private static string? QueueOrNull(IConfiguration configuration, string key, string defaultQueue) =>
        configuration[key] switch
        {
            null => defaultQueue,
            { Length: 0 } => null,
            var queue => queue.Trim(),
        };
}
