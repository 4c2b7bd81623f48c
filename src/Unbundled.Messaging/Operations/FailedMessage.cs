using System.Security.Cryptography;
using System.Text;
using Unbundled.Messaging.Transport;

namespace Unbundled.Messaging.Operations;

/// <summary>A message in <c>error</c>, named and described as ServiceControl would (wire-format §6.2, docs/operations.md).</summary>
/// <param name="Id">ServiceControl's failed message id: <c>ServiceControl.Retry.UniqueMessageId</c>, else a deterministic GUID of the message id and processing endpoint.</param>
/// <param name="FailedQueue">Where it failed (<c>NServiceBus.FailedQ</c>), where a retry goes back to; null for a message it cannot be retried from.</param>
public sealed record FailedMessage(
    string Id,
    string MessageId,
    string? FailedQueue,
    string? ProcessingEndpoint,
    string? MessageType,
    string? ExceptionType,
    string? ExceptionMessage,
    DateTimeOffset? TimeOfFailure,
    QueuedMessage Queued)
{
    public IReadOnlyDictionary<string, string> Headers => Queued.Headers;

    public ReadOnlyMemory<byte> Body => Queued.Body;

    public static FailedMessage From(QueuedMessage queued)
    {
        var headers = queued.Headers;
        var messageId = headers.GetValueOrDefault(Messaging.Headers.MessageId) ?? queued.NativeId;
        var failedQueue = headers.GetValueOrDefault(FaultsHeaderKeys.FailedQ);
        var endpoint = headers.GetValueOrDefault(Messaging.Headers.ProcessingEndpoint)
            ?? failedQueue?.Split('@')[0] ?? headers.GetValueOrDefault(Messaging.Headers.ReplyToAddress);
        var id = headers.GetValueOrDefault(ServiceControlHeaders.UniqueMessageId) ?? DeterministicGuid(messageId + endpoint);
        return new FailedMessage(
            id,
            messageId,
            failedQueue,
            endpoint,
            headers.GetValueOrDefault(Messaging.Headers.EnclosedMessageTypes)?.Split(';')[0].Split(',')[0],
            headers.GetValueOrDefault(FaultsHeaderKeys.ExceptionType),
            headers.GetValueOrDefault(FaultsHeaderKeys.Message),
            headers.TryGetValue(FaultsHeaderKeys.TimeOfFailure, out var at) && TryParse(at) is { } time ? time : null,
            queued);
    }

    /// <summary>Whether <paramref name="idOrMessageId"/> names this message: its failed message id or its message id.</summary>
    public bool IsNamed(string idOrMessageId) =>
        string.Equals(Id, idOrMessageId, StringComparison.OrdinalIgnoreCase) || string.Equals(MessageId, idOrMessageId, StringComparison.OrdinalIgnoreCase);

    /// <summary>ServiceControl's DeterministicGuid: the MD5 hash of the text as a GUID.</summary>
    private static string DeterministicGuid(string text)
    {
#pragma warning disable CA5351 // ServiceControl's id is MD5: an identifier, not security.
        return new Guid(MD5.HashData(Encoding.UTF8.GetBytes(text))).ToString();
#pragma warning restore CA5351
    }

    private static DateTimeOffset? TryParse(string wireDate)
    {
        try
        {
            return WireDate.ToUtcDateTimeOffset(wireDate);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
