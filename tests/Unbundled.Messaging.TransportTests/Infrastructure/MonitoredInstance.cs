using Unbundled.Messaging.Transport;

namespace Unbundled.Messaging.TransportTests.Infrastructure;

/// <summary>
/// An endpoint instance as ServiceControl Monitoring tells it from a metrics message's headers (docs/servicecontrol.md,
/// "Metrics"): the originating endpoint, and the metric instance id if given, else the host id with the host's display
/// name. Two messages come from one instance when endpoint and instance id agree.
/// </summary>
public sealed record MonitoredInstance(string EndpointName, string InstanceId, string InstanceName)
{
    public static MonitoredInstance From(IReadOnlyDictionary<string, string> headers)
    {
        var endpoint = headers[Headers.OriginatingEndpoint];
        return headers.TryGetValue("NServiceBus.Metric.InstanceId", out var instanceId)
            ? new MonitoredInstance(endpoint, instanceId, instanceId)
            : new MonitoredInstance(endpoint, headers[Headers.OriginatingHostId], headers[Headers.HostDisplayName]);
    }
}

/// <summary>One message ServiceControl Monitoring read: the metadata report (<see cref="Metric"/> null) or a stream.</summary>
public sealed record MonitoringReport(MonitoredInstance Instance, string? Metric, MessageContext Message)
{
    public TaggedLongValues Values => TaggedLongValues.Read(Message.Body);
}
