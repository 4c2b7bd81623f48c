namespace Unbundled.Messaging.Metrics;

/// <summary>
/// Where metrics go, how often, and how the instance is named (null: by host id and display name); a queue-length probe
/// for a transport ServiceControl cannot poll itself (the embedded one).
/// </summary>
public sealed record MetricsSettings(string Queue, TimeSpan Interval, string? InstanceId, Func<long>? QueueLength)
{
    /// <summary>NServiceBus.Metrics.ServiceControl's time-to-be-received of every metrics message.</summary>
    public static readonly TimeSpan TimeToBeReceived = TimeSpan.FromDays(7);
}
