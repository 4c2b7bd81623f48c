namespace Unbundled.Messaging.Transport;

/// <summary>A message for one queue.</summary>
public sealed record UnicastTransportOperation(OutgoingMessage Message, string Destination, DispatchProperties Properties);
