namespace Unbundled.Messaging.Transport;

/// <summary>An event for whoever subscribed to its type.</summary>
public sealed record MulticastTransportOperation(OutgoingMessage Message, Type MessageType, DispatchProperties Properties);
