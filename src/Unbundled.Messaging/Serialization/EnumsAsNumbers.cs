using System.Text.Json;
using System.Text.Json.Serialization;

namespace Unbundled.Messaging.Serialization;

/// <summary>
/// Enums in message bodies: written as numbers, as System.Text.Json and so NServiceBus's <c>SystemJsonSerializer</c>
/// write them by default, and read as numbers or as names (case-insensitive), the form senders that write names use
/// (<c>JsonStringEnumConverter</c>, Newtonsoft's <c>StringEnumConverter</c>).
/// </summary>
internal sealed class EnumsAsNumbers : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(Converter<>).MakeGenericType(typeToConvert))!;

    private sealed class Converter<TEnum> : JsonConverter<TEnum>
        where TEnum : struct, Enum
    {
        public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
        {
            JsonTokenType.Number => (TEnum)Enum.ToObject(typeof(TEnum), reader.GetInt64()),
            JsonTokenType.String when Enum.TryParse<TEnum>(reader.GetString(), ignoreCase: true, out var named)
                && !char.IsAsciiDigit(reader.GetString()![0]) && reader.GetString()![0] != '-' => named,
            _ => throw new JsonException($"{reader.TokenType} is not a {typeof(TEnum).Name}: expected a number or one of its names."),
        };

        public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) =>
            writer.WriteNumberValue(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture));
    }
}
