namespace Unbundled.Messaging.Pipeline;

/// <summary>The running endpoint's name, its physical addresses and its host.</summary>
/// <param name="LocalAddress">The shared input queue, or null for a send-only endpoint.</param>
/// <param name="InstanceAddress">This instance's own queue, or null when it is not uniquely addressable.</param>
internal sealed record EndpointIdentity(string Name, string? LocalAddress, string? InstanceAddress, HostInformation Host);
