namespace Unbundled.Messaging.Pipeline;

/// <summary>The message being processed, as the outgoing side needs it for correlation, replies and forwarding.</summary>
internal sealed record IncomingMessage(string MessageId, IReadOnlyDictionary<string, string> Headers, ReadOnlyMemory<byte> Body)
{
    public string? ReplyToAddress => Headers.GetValueOrDefault(Unbundled.Messaging.Headers.ReplyToAddress);

    public string? ConversationId => Headers.GetValueOrDefault(Unbundled.Messaging.Headers.ConversationId);

    public string CorrelationId => Headers.GetValueOrDefault(Unbundled.Messaging.Headers.CorrelationId) ?? MessageId;
}
