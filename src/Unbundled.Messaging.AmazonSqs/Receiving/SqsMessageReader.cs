using System.Text;
using System.Text.Json;
using Amazon.SQS.Model;

namespace Unbundled.Messaging.AmazonSqs.Receiving;

/// <summary>
/// Reads what arrives on a queue the way NServiceBus.AmazonSQS does (docs/wire-format.md §1.3): unwrapped messages with a headers
/// attribute, native messages naming their type in <c>MessageTypeFullName</c>, the wrapped envelope, and plain native
/// messages with no headers at all. Null means poison: move it to the error queue as it is.
/// </summary>
internal static class SqsMessageReader
{
    // TimeToBeReceived stays: the receiver checks it for expiry and removes it then.
    private static readonly string[] TransportOnlyHeaders = [TransportHeaders.Headers, TransportHeaders.DelaySeconds];

    public static ReceivedMessage? Read(Message message)
    {
        var attributes = message.MessageAttributes ?? [];
        var messageId = attributes.TryGetValue(TransportHeaders.MessageId, out var id) && !string.IsNullOrEmpty(id.StringValue)
            ? id.StringValue
            : message.MessageId;

        if (attributes.TryGetValue(TransportHeaders.Headers, out var headerAttribute))
        {
            var headers = JsonSerializer.Deserialize<Dictionary<string, string>>(headerAttribute.StringValue) ?? [];
            foreach (var (name, value) in attributes.Where(a => a.Key != TransportHeaders.MessageId))
            {
                headers[name] = value.StringValue;
            }

            return Complete(messageId, headers, attributes.ContainsKey(TransportHeaders.S3BodyKey) ? null : Decode(message.Body));
        }

        if (attributes.TryGetValue(TransportHeaders.MessageTypeFullName, out var typeName))
        {
            var headers = AttributesAsHeaders(attributes);
            headers[Headers.EnclosedMessageTypes] = typeName.StringValue;
            return Complete(messageId, headers, attributes.ContainsKey(TransportHeaders.S3BodyKey) ? null : Encoding.UTF8.GetBytes(message.Body));
        }

        return ReadEnvelope(message, messageId, attributes);
    }

    private static ReceivedMessage? ReadEnvelope(Message message, string messageId, Dictionary<string, MessageAttributeValue> attributes)
    {
        Envelope? envelope;
        try
        {
            envelope = JsonSerializer.Deserialize<Envelope>(message.Body);
        }
        catch (JsonException)
        {
            envelope = null;
        }

        var isNServiceBusMessage = envelope?.Headers is { } found
            && (found.ContainsKey(Headers.MessageId) || found.ContainsKey(Headers.EnclosedMessageTypes)
                || string.Equals(found.GetValueOrDefault(Headers.ControlMessageHeader), "true", StringComparison.OrdinalIgnoreCase));
        if (!isNServiceBusMessage)
        {
            // A plain native message: its body as it is, its attributes as headers, the SQS id as its id.
            var headers = AttributesAsHeaders(attributes);
            headers[Headers.MessageId] = message.MessageId;
            return new ReceivedMessage(message.MessageId, headers, Encoding.UTF8.GetBytes(message.Body));
        }

        // S3 offload is not supported: such a message cannot be read here and is poison.
        return Complete(messageId, envelope!.Headers!, envelope.S3BodyKey is { Length: > 0 } ? null : Decode(envelope.Body ?? string.Empty));
    }

    private static ReceivedMessage? Complete(string messageId, Dictionary<string, string> headers, byte[]? body)
    {
        if (body is null)
        {
            return null;
        }

        foreach (var name in TransportOnlyHeaders)
        {
            headers.Remove(name);
        }

        headers.TryAdd(Headers.MessageId, messageId);
        return new ReceivedMessage(messageId, headers, body);
    }

    /// <summary>Base64 first, then UTF-8, as the NServiceBus receiver does; JSON starting with '{' is never valid Base64.</summary>
    private static byte[] Decode(string body)
    {
        if (body == TransportHeaders.EmptyMessage)
        {
            return [];
        }

        var buffer = new byte[body.Length * 3 / 4 + 3];
        return Convert.TryFromBase64String(body, buffer, out var written) ? buffer[..written] : Encoding.UTF8.GetBytes(body);
    }

    private static Dictionary<string, string> AttributesAsHeaders(Dictionary<string, MessageAttributeValue> attributes) =>
        attributes.Where(a => a.Value.StringValue is not null).ToDictionary(a => a.Key, a => a.Value.StringValue);

    private sealed record Envelope(string? Body, string? S3BodyKey, Dictionary<string, string>? Headers);
}
