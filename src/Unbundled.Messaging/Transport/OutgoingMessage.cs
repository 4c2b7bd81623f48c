namespace Unbundled.Messaging.Transport;

/// <summary>A serialized message on its way out.</summary>
public sealed record OutgoingMessage(string MessageId, Dictionary<string, string> Headers, ReadOnlyMemory<byte> Body);
