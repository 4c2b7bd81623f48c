using System.Text;
using Unbundled.Messaging.Operations;

namespace Unbundled.AppHost;

/// <summary>How the <c>failed</c> command prints a failed message: a summary of its fault headers, or all of it.</summary>
internal static class FailedMessageText
{
    /// <summary>Two lines: id, time of failure, endpoint and queue, message type; then the exception.</summary>
    public static string Summary(FailedMessage message) =>
        $"{message.Id}  {message.TimeOfFailure:u}  {message.ProcessingEndpoint} ({message.FailedQueue})  {message.MessageType}{Environment.NewLine}" +
        $"    {message.ExceptionType}: {FirstLine(message.ExceptionMessage)}";

    /// <summary>The summary, every header, a blank line, and the body (as text when it is text, else Base64).</summary>
    public static string Whole(FailedMessage message)
    {
        var text = new StringBuilder();
        text.AppendLine(Summary(message)).AppendLine();
        foreach (var (name, value) in message.Headers.OrderBy(header => header.Key, StringComparer.Ordinal))
        {
            text.Append(name).Append(": ").AppendLine(value);
        }

        text.AppendLine().AppendLine(BodyText(message.Body.Span));
        return text.ToString();
    }

    private static string BodyText(ReadOnlySpan<byte> body)
    {
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(body);
        }
        catch (DecoderFallbackException)
        {
            return "(binary, Base64) " + Convert.ToBase64String(body);
        }
    }

    private static string? FirstLine(string? text) => text?.Split('\n')[0].TrimEnd('\r');
}
