namespace Unbundled.Messaging;

/// <summary>Options common to send, publish and reply.</summary>
public abstract class ExtendableOptions
{
    internal Dictionary<string, string> OutgoingHeaders { get; } = new(StringComparer.Ordinal);

    internal string? MessageId { get; private set; }

    public void SetHeader(string key, string value) => OutgoingHeaders[key] = value;

    public IReadOnlyDictionary<string, string> GetHeaders() => OutgoingHeaders;

    public void SetMessageId(string messageId) => MessageId = messageId;

    public string? GetMessageId() => MessageId;
}
