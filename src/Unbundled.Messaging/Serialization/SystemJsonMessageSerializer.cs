using System.Text.Json;

namespace Unbundled.Messaging.Serialization;

/// <summary>
/// System.Text.Json bodies with NServiceBus's defaults: PascalCase names, ISO-8601 dates, enums as numbers (names are
/// read too, <see cref="EnumsAsNumbers"/>).
/// </summary>
internal sealed class SystemJsonMessageSerializer
{
    private readonly JsonSerializerOptions options = new() { Converters = { new EnumsAsNumbers() } };

    public const string ContentType = "application/json";

    public byte[] Serialize(object message) => JsonSerializer.SerializeToUtf8Bytes(message, message.GetType(), options);

    public object Deserialize(ReadOnlyMemory<byte> body, Type messageType)
    {
        try
        {
            return JsonSerializer.Deserialize(body.Span, messageType, options)
                ?? throw new MessageDeserializationException($"The body of a {messageType.FullName} was null.");
        }
        catch (JsonException exception)
        {
            throw new MessageDeserializationException($"The body is not a valid {messageType.FullName}: {exception.Message}", exception);
        }
    }
}
