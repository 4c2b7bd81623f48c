using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Unbundled.Messaging.AmazonSqs.Sending;

/// <summary>
/// The wrapped message body every NServiceBus.AmazonSQS version reads: <c>{"Body":"&lt;base64&gt;","S3BodyKey":null,"Headers":{…}}</c>,
/// properties in that order, the body Base64-encoded (transport 5.x and 6.0 decode Base64 strictly).
/// </summary>
internal static class SqsEnvelope
{
    /// <param name="headers">The message's headers.</param>
    /// <param name="body">The serialized body.</param>
    /// <param name="timeToBeReceived">Written as <c>NServiceBus.AmazonSQS.TimeToBeReceived</c> among the headers (wire-format §1.1).</param>
    public static string Wrap(IReadOnlyDictionary<string, string> headers, ReadOnlySpan<byte> body, TimeSpan? timeToBeReceived = null)
    {
        var buffer = new ArrayBufferWriter<byte>(body.Length * 4 / 3 + 512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("Body", body.IsEmpty ? TransportHeaders.EmptyMessage : Convert.ToBase64String(body));
            writer.WriteNull("S3BodyKey");
            writer.WriteStartObject("Headers");
            foreach (var (name, value) in headers)
            {
                writer.WriteString(name, value);
            }

            if (timeToBeReceived is { } ttbr)
            {
                writer.WriteString(TransportHeaders.TimeToBeReceived, ttbr.ToString());
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
