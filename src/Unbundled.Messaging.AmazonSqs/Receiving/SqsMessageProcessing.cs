using System.Globalization;
using Amazon.SQS.Model;
using Microsoft.Extensions.Logging;
using Unbundled.Messaging.Transport;

namespace Unbundled.Messaging.AmazonSqs.Receiving;

/// <summary>One received SQS message, from reading it to deleting it (or handing it back for an immediate retry).</summary>
internal readonly struct SqsMessageProcessing(SqsReceiverContext receiver, Message message)
{
    public async Task Run(CancellationToken cancellationToken)
    {
        receiver.Unfinished.Add(message.ReceiptHandle);
        var read = SqsMessageReader.Read(message);
        if (read is null)
        {
            await MoveToErrorAsItIs();
            return;
        }

        if (Expired(read.Headers))
        {
            receiver.Logger.LogInformation("Message {MessageId} expired before it could be processed; deleted", read.MessageId);
            await Delete();
            return;
        }

        using var renewal = new VisibilityRenewal(receiver, message.ReceiptHandle, cancellationToken);
        var context = new MessageContext(message.MessageId, read.Headers, read.Body, receiver.QueueName);
        try
        {
            await receiver.OnMessage(context, renewal.HandlerToken);
            await renewal.Stop();
            await Delete();
            receiver.Failures.Forget(message.MessageId);
        }
        catch (OperationCanceledException) when (renewal.HandlerToken.IsCancellationRequested)
        {
            // Stopping, or the visibility was lost: let the message come back to whoever receives next.
            await renewal.Stop();
            await ReturnToQueue();
        }
        catch (Exception exception)
        {
            await renewal.Stop();
            var receiveCount = message.Attributes?.TryGetValue("ApproximateReceiveCount", out var count) == true
                ? int.Parse(count, CultureInfo.InvariantCulture)
                : 1;
            var failures = receiver.Failures.RecordFailure(message.MessageId, receiveCount);
            var result = await receiver.OnError(new ErrorContext(exception, context, failures), cancellationToken);
            if (result == ErrorHandleResult.RetryRequired)
            {
                await ReturnToQueue();
            }
            else
            {
                await Delete();
                receiver.Failures.Forget(message.MessageId);
            }
        }
    }

    private bool Expired(Dictionary<string, string> headers)
    {
        if (!headers.Remove(TransportHeaders.TimeToBeReceived, out var timeToBeReceived)
            || message.Attributes?.GetValueOrDefault("SentTimestamp") is not { } sent
            || !TimeSpan.TryParse(timeToBeReceived, CultureInfo.InvariantCulture, out var ttbr))
        {
            return false;
        }

        var sentAt = DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(sent, CultureInfo.InvariantCulture));
        return sentAt + ttbr < receiver.Time.GetUtcNow();
    }

    /// <summary>A message nobody can read goes to error exactly as it came, body and attributes, without fault headers.</summary>
    private async Task MoveToErrorAsItIs()
    {
        receiver.Logger.LogError("SQS message {NativeMessageId} in {Queue} cannot be read; moved to {ErrorQueue} as it is",
            message.MessageId, receiver.QueueName, receiver.ErrorQueueName);
        var errorQueueUrl = await receiver.Clients.QueueUrl(receiver.ErrorQueueName, CancellationToken.None);
        await receiver.Clients.Sqs.SendMessageAsync(new SendMessageRequest
        {
            QueueUrl = errorQueueUrl,
            MessageBody = message.Body,
            MessageAttributes = message.MessageAttributes,
        }, CancellationToken.None);
        await Delete();
    }

    /// <summary>Deletes the message unless the stop gave it back first (then its redelivery meets the outbox).</summary>
    private Task Delete() =>
        receiver.Unfinished.TrySettle(message.ReceiptHandle) ? receiver.Deletes.Delete(message.ReceiptHandle) : Task.CompletedTask;

    private Task ReturnToQueue() =>
        receiver.Unfinished.TrySettle(message.ReceiptHandle) ? receiver.VisibilityResets.Reset([message.ReceiptHandle]) : Task.CompletedTask;
}
