using Amazon.SQS.Model;
using Microsoft.Extensions.Logging;
using Unbundled.Messaging.AmazonSqs;

namespace Unbundled.Lambda.Sqs;

/// <summary>
/// What the receiver of a function does to a record on the queue itself, with the function's role, beside the event
/// source mapping's receives and deletes (docs/lambda.md#sqs-event, #permissions).
/// </summary>
internal sealed class EventSourceQueue(SqsClients clients, string queueName, string errorQueue, ILogger logger)
{
    /// <summary>
    /// The longest delay a record can get: SQS allows a visibility of up to 12 h counted from the receive, and the
    /// invocation, at most 15 min long, runs in between.
    /// </summary>
    public static readonly TimeSpan MaxDelay = TimeSpan.FromHours(12) - TimeSpan.FromMinutes(15);

    /// <summary>
    /// A delayed retry: the record stays invisible for <paramref name="delay"/> and, reported as a batch item failure,
    /// comes back with a higher <c>ApproximateReceiveCount</c>.
    /// </summary>
    public async Task ReturnAfter(Message record, TimeSpan delay, CancellationToken cancellationToken)
    {
        var seconds = (int)Math.Ceiling(Math.Min(delay.TotalSeconds, MaxDelay.TotalSeconds));
        await clients.Sqs.ChangeMessageVisibilityAsync(await clients.QueueUrl(queueName, cancellationToken), record.ReceiptHandle, seconds, cancellationToken);
    }

    /// <summary>As the SQS receiver does: a message nobody can read goes to error exactly as it came, without fault headers.</summary>
    public async Task MoveToErrorAsItIs(Message record)
    {
        logger.LogError("SQS message {NativeMessageId} cannot be read; moved to {ErrorQueue} as it is", record.MessageId, errorQueue);
        await clients.Sqs.SendMessageAsync(new SendMessageRequest
        {
            QueueUrl = await clients.QueueUrl(errorQueue, CancellationToken.None),
            MessageBody = record.Body,
            MessageAttributes = record.MessageAttributes,
        }, CancellationToken.None);
    }
}
