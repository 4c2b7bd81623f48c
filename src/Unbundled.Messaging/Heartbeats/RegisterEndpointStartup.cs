namespace Unbundled.Messaging.Heartbeats;

/// <summary>
/// NServiceBus.Heartbeat's <c>ServiceControl.Plugin.Heartbeat.Messages.RegisterEndpointStartup</c>, its properties in the
/// plugin's order: ServiceControl registers the endpoint instance (host id) when it starts.
/// </summary>
internal sealed record RegisterEndpointStartup(
    Guid HostId, string Endpoint, DateTime StartedAt, IReadOnlyDictionary<string, string> HostProperties, string HostDisplayName, string Host)
{
    public const string TypeFullName = "ServiceControl.Plugin.Heartbeat.Messages.RegisterEndpointStartup";
}
