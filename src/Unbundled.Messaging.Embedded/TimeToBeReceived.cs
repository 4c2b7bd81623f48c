using Microsoft.Extensions.Logging;
using Unbundled.Messaging.Transport;

namespace Unbundled.Messaging.Embedded;

/// <summary>
/// Time-to-be-received on the embedded transport: the sender writes the moment after which the message is worthless into
/// the message (a file has no broker timestamp to trust, and recycled files keep old ones), and the receiver discards it,
/// unprocessed, once that moment has passed, as NServiceBus.AmazonSQS does with SQS's SentTimestamp (docs/time-to-be-received.md).
/// </summary>
internal static class TimeToBeReceived
{
    /// <summary>The header holding the wire date after which the message is discarded; the receiver removes it.</summary>
    public const string DiscardAfterHeader = "Unbundled.Embedded.DiscardAfter";

    /// <summary>The message as it is, or a copy carrying its discard time when it has a time-to-be-received.</summary>
    public static OutgoingMessage Stamp(OutgoingMessage message, DispatchProperties properties, DateTimeOffset now)
    {
        if (properties.DiscardIfNotReceivedBefore is not { } timeToBeReceived)
        {
            return message;
        }

        var headers = new Dictionary<string, string>(message.Headers)
        {
            [DiscardAfterHeader] = WireDate.ToWireFormattedString(now + timeToBeReceived),
        };
        return message with { Headers = headers };
    }

    /// <summary>Wraps a receiver's message callback so that expired messages are consumed without being processed.</summary>
    public static OnMessage DiscardExpired(OnMessage next, TimeProvider clock, ILogger logger) => (context, cancellationToken) =>
    {
        if (!context.Headers.TryGetValue(DiscardAfterHeader, out var discardAfter))
        {
            return next(context, cancellationToken);
        }

        if (IsPast(discardAfter, clock))
        {
            logger.LogInformation("Message {MessageId} in {Queue} expired before it could be processed; discarded",
                context.Headers.GetValueOrDefault(Headers.MessageId) ?? context.NativeMessageId, context.ReceiveAddress);
            return Task.CompletedTask;
        }

        // The handlers, the audit copy and the error queue see the headers as sent.
        var headers = new Dictionary<string, string>(context.Headers);
        headers.Remove(DiscardAfterHeader);
        return next(context with { Headers = headers }, cancellationToken);
    };

    private static bool IsPast(string discardAfter, TimeProvider clock)
    {
        try
        {
            return WireDate.ToUtcDateTimeOffset(discardAfter) < clock.GetUtcNow();
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
