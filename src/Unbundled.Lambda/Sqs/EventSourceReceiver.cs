using System.Globalization;
using Amazon.SQS.Model;
using Microsoft.Extensions.Logging;
using Unbundled.Messaging.AmazonSqs.Receiving;
using Unbundled.Messaging.Transport;

namespace Unbundled.Lambda.Sqs;

/// <summary>
/// The endpoint's main receiver in a function: it polls nothing, the event source mapping does; each invocation hands it a
/// batch. A record runs through the endpoint pipeline with its immediate retries inside the invocation; a delayed retry
/// brings the record itself back after the delay (a batch item failure whose visibility is the delay), and the error
/// queue settles a message that keeps failing (docs/lambda.md#sqs-event).
/// </summary>
internal sealed class EventSourceReceiver(IMessageReceiver sqsReceiver, EventSourceQueue queue, ILogger logger) : IMessageReceiver
{
    private OnMessage? onMessage;
    private OnError? onError;
    private int maxConcurrency = 1;

    public string Id => sqsReceiver.Id;

    public string ReceiveAddress => sqsReceiver.ReceiveAddress;

    public ISubscriptionManager? Subscriptions => sqsReceiver.Subscriptions;

    public Task Initialize(PushRuntimeSettings limitations, OnMessage onMessage, OnError onError, CancellationToken cancellationToken = default)
    {
        this.onMessage = onMessage;
        this.onError = onError;
        maxConcurrency = limitations.MaxConcurrency;
        return Task.CompletedTask;
    }

    public Task StartReceive(CancellationToken cancellationToken = default) => Task.CompletedTask;

    /// <summary>An invocation holds the process until its batch is done: nothing is in flight when the endpoint stops.</summary>
    public Task StopReceive(CancellationToken cancellationToken = default) => Task.CompletedTask;

    /// <returns>The records that are batch item failures.</returns>
    public async Task<IReadOnlyList<string>> Process(IReadOnlyList<Message> batch, CancellationToken cancellationToken)
    {
        var outcomes = new RecordOutcome[batch.Count];
        await Parallel.ForAsync(0, batch.Count, new ParallelOptions { MaxDegreeOfParallelism = maxConcurrency }, async (i, _) =>
            outcomes[i] = await Process(batch[i], cancellationToken));
        return [.. batch.Where((_, i) => outcomes[i] is RecordOutcome.ComesBack or RecordOutcome.Unfinished).Select(message => message.MessageId)];
    }

    private async Task<RecordOutcome> Process(Message message, CancellationToken cancellationToken)
    {
        if (onMessage is null || onError is null)
        {
            throw new InvalidOperationException("The endpoint has not initialized its receiver");
        }

        try
        {
            if (SqsMessageReader.Read(message) is not { } read)
            {
                await queue.MoveToErrorAsItIs(message);
                return RecordOutcome.Settled;
            }

            if (Expired(read.Headers, message))
            {
                logger.LogInformation("Message {MessageId} expired before it could be processed; deleted", read.MessageId);
                return RecordOutcome.Processed;
            }

            DelayedRetriesDone.Count(read.Headers, message);
            var context = new MessageContext(message.MessageId, read.Headers, read.Body, ReceiveAddress);
            // Recoverability's delayed retry, made with the record's own visibility rather than a copy (docs/lambda.md#sqs-event).
            var comesBack = false;
            async Task ReturnAfter(TimeSpan delay, CancellationToken token)
            {
                await queue.ReturnAfter(message, delay, token);
                comesBack = true;
            }

            for (var failures = 1; ; failures++)
            {
                try
                {
                    await onMessage(context, cancellationToken);
                    return RecordOutcome.Processed;
                }
                catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
                {
                    var error = new ErrorContext(exception, context, failures) { DelayedRedelivery = ReturnAfter };
                    if (await onError(error, cancellationToken) == ErrorHandleResult.Handled)
                    {
                        return comesBack ? RecordOutcome.ComesBack : RecordOutcome.Settled;
                    }
                }
            }
        }
        catch (Exception exception)
        {
            // The deadline, or recoverability could not send or change the visibility: the event source gives the
            // message back after the queue's visibility timeout, and the outbox makes its second processing harmless.
            logger.LogWarning(exception, "SQS message {NativeMessageId} was not finished in this invocation; reported as a batch item failure", message.MessageId);
            return RecordOutcome.Unfinished;
        }
    }

    /// <summary>NServiceBus.AmazonSQS's time to be received, from the send time SQS recorded.</summary>
    private static bool Expired(Dictionary<string, string> headers, Message message) =>
        headers.Remove(Unbundled.Messaging.AmazonSqs.TransportHeaders.TimeToBeReceived, out var ttbr)
        && message.Attributes.TryGetValue("SentTimestamp", out var sent)
        && DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(sent, CultureInfo.InvariantCulture)) + TimeSpan.Parse(ttbr, CultureInfo.InvariantCulture) < DateTimeOffset.UtcNow;
}
