namespace Unbundled.Messaging.Heartbeats;

/// <summary>NServiceBus.Heartbeat's <c>ServiceControl.Plugin.Heartbeat.Messages.EndpointHeartbeat</c>: the instance is alive.</summary>
internal sealed record EndpointHeartbeat(DateTime ExecutedAt, string EndpointName, Guid HostId, string Host)
{
    public const string TypeFullName = "ServiceControl.Plugin.Heartbeat.Messages.EndpointHeartbeat";
}
