using Microsoft.Extensions.Logging;
using Unbundled.Messaging.Transport;

namespace Unbundled.Messaging.AmazonSqs.Receiving;

/// <summary>
/// One message a dispatcher in this process handed to a receiver in memory. It gets one attempt: a message that fails
/// (or meets a stopping receiver) is not retried here but sent through SQS by the dispatcher, where recoverability,
/// retries and the error queue apply to it as to any other.
/// </summary>
internal static class HandedOffMessage
{
    public static async Task<bool> Process(SqsReceiverContext receiver, OutgoingMessage message, CancellationToken cancellationToken)
    {
        // The headers as SQS would have delivered them: the envelope's copy, the message id always present.
        var headers = new Dictionary<string, string>(message.Headers, StringComparer.Ordinal);
        headers.TryAdd(Headers.MessageId, message.MessageId);
        try
        {
            await receiver.OnMessage(new MessageContext(message.MessageId, headers, message.Body, receiver.QueueName), cancellationToken);
            return true;
        }
        catch (Exception exception)
        {
            receiver.Logger.LogDebug(exception, "Message {MessageId} handed over in memory was not processed; it is sent to {Queue}", message.MessageId, receiver.QueueName);
            return false;
        }
    }
}
