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
    public const string MonitoringQueueKey = "Unbundled:MonitoringQueue";
    public const string DefaultMonitoringQueue = "Particular.Monitoring";

    /// <summary>How often metrics are reported (the interval ServicePulse's monitoring graphs are drawn at).</summary>
    public static readonly TimeSpan MetricsInterval = TimeSpan.FromSeconds(10);

    /// <param name="endpoint">The endpoint to configure.</param>
    /// <param name="configuration">Where the queue names come from.</param>
    /// <param name="queueLength">The endpoint queue's length, where ServiceControl Monitoring cannot measure it (embedded).</param>
    public static void UseServicePlatform(this EndpointConfiguration endpoint, IConfiguration configuration, Func<long>? queueLength = null)
    {
        if (Configured(configuration, AuditQueueKey, DefaultAuditQueue) is { } audit)
        {
            endpoint.AuditProcessedMessagesTo(audit);
        }

        if (Configured(configuration, ServiceControlQueueKey, DefaultServiceControlQueue) is { } serviceControl)
        {
            endpoint.SendHeartbeatTo(serviceControl).ReportCustomChecksTo(serviceControl);
        }

        if (Configured(configuration, MonitoringQueueKey, DefaultMonitoringQueue) is { } monitoring)
        {
            endpoint.SendMetricDataToServiceControl(monitoring, MetricsInterval, queueLength: queueLength);
        }
    }

    /// <summary>The configured queue, the default when the key is absent, null (off) when it is set to the empty string.</summary>
    public static string? Configured(IConfiguration configuration, string key, string defaultQueue) =>
        configuration[key] switch
        {
            null => defaultQueue,
            { Length: 0 } => null,
            var queue => queue.Trim(),
        };
}
