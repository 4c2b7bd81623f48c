using System.Globalization;
using System.Text;
using Amazon.SQS.Model;
using Unbundled.Messaging.Transport;

namespace Unbundled.Messaging.AmazonSqs.Sending;

/// <summary>One outgoing SQS message: its target queue, wrapped body, attributes and delay.</summary>
internal sealed record PreparedMessage(string Queue, string MessageId, string Body, int DelaySeconds, bool ViaDelayQueue)
{
    /// <summary>A reply, which is dropped when its queue is gone (<see cref="SqsDispatcher"/>).</summary>
    public bool IsReply { get; init; }

    public int Size => Encoding.UTF8.GetByteCount(Body) + TransportHeaders.MessageId.Length + MessageId.Length + 6;

    public static PreparedMessage For(UnicastTransportOperation operation, DateTimeOffset now)
    {
        var body = SqsEnvelope.Wrap(operation.Message.Headers, operation.Message.Body.Span, operation.Properties.DiscardIfNotReceivedBefore);
        if (Encoding.UTF8.GetByteCount(body) > TransportHeaders.MaximumMessageSize)
        {
            throw new InvalidOperationException(
                $"Message {operation.Message.MessageId} is larger than {TransportHeaders.MaximumMessageSize} bytes; large bodies (S3) are not supported.");
        }

        var delay = (int)Math.Ceiling(operation.Properties.DelayFrom(now).TotalSeconds);
        var prepared = delay > TransportHeaders.MaximumNativeDelaySeconds
            ? new PreparedMessage(operation.Destination + TransportHeaders.DelayQueueSuffix, operation.Message.MessageId, body, delay, ViaDelayQueue: true)
            : new PreparedMessage(operation.Destination, operation.Message.MessageId, body, delay, ViaDelayQueue: false);
        return prepared with { IsReply = SqsDispatcher.IsReply(operation.Message) };
    }

    public SendMessageRequest ToRequest(string queueUrl)
    {
        var request = new SendMessageRequest { QueueUrl = queueUrl, MessageBody = Body, MessageAttributes = Attributes() };
        if (ViaDelayQueue)
        {
            request.MessageGroupId = MessageId;
            request.MessageDeduplicationId = MessageId;
        }
        else if (DelaySeconds > 0)
        {
            request.DelaySeconds = DelaySeconds;
        }

        return request;
    }

    public SendMessageBatchRequestEntry ToBatchEntry(string id)
    {
        var entry = new SendMessageBatchRequestEntry { Id = id, MessageBody = Body, MessageAttributes = Attributes() };
        if (ViaDelayQueue)
        {
            entry.MessageGroupId = MessageId;
            entry.MessageDeduplicationId = MessageId;
        }
        else if (DelaySeconds > 0)
        {
            entry.DelaySeconds = DelaySeconds;
        }

        return entry;
    }

    private Dictionary<string, MessageAttributeValue> Attributes()
    {
        var attributes = new Dictionary<string, MessageAttributeValue>
        {
            [TransportHeaders.MessageId] = new() { DataType = "String", StringValue = MessageId },
        };
        if (ViaDelayQueue)
        {
            attributes[TransportHeaders.DelaySeconds] = new() { DataType = "String", StringValue = DelaySeconds.ToString(CultureInfo.InvariantCulture) };
        }

        return attributes;
    }
}
