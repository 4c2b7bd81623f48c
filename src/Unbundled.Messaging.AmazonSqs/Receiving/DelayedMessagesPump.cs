using System.Globalization;
using Amazon.SQS.Model;
using Microsoft.Extensions.Logging;

namespace Unbundled.Messaging.AmazonSqs.Receiving;

/// <summary>
/// Moves messages from <c>{queue}-delay.fifo</c> (delays above SQS's 900 s) back to the queue once less than 900 s remain,
/// or round the FIFO queue again while more remain (docs/wire-format.md §3.4).
/// </summary>
internal sealed class DelayedMessagesPump(SqsClients clients, string queueName, TimeProvider time, ILogger logger) : IDisposable
{
    /// <summary>What the pump calls on the <c>-delay.fifo</c> queue: it receives, sends a message round again, and deletes.</summary>
    public static IEnumerable<string> DelayQueueActions => ["sqs:DeleteMessage", "sqs:GetQueueUrl", "sqs:ReceiveMessage", "sqs:SendMessage"];

    /// <summary>What the pump calls on the queue it moves due messages to.</summary>
    public static IEnumerable<string> TargetQueueActions => ["sqs:GetQueueUrl", "sqs:SendMessage"];

    private CancellationTokenSource stopping = new();
    private Task loop = Task.CompletedTask;

    public void Start()
    {
        stopping = new CancellationTokenSource();
        loop = Task.Run(() => Run(stopping.Token), CancellationToken.None);
    }

    public async Task Stop()
    {
        await stopping.CancelAsync();
        try
        {
            await loop;
        }
        catch (OperationCanceledException)
        {
            // Stopped while it was still looking up its queues.
        }
    }

    public void Dispose() => stopping.Dispose();

    /// <summary>Seconds still to wait: the total delay less the time spent so far in the FIFO queue.</summary>
    internal static int Remaining(int totalDelaySeconds, DateTimeOffset sent, DateTimeOffset firstReceived, int receiveCount, DateTimeOffset now)
    {
        var waited = (receiveCount > 1 ? now : firstReceived) - sent;
        return Math.Max(0, totalDelaySeconds - (int)waited.TotalSeconds);
    }

    private async Task Run(CancellationToken cancellationToken)
    {
        var fifoUrl = await clients.QueueUrl(queueName + TransportHeaders.DelayQueueSuffix, cancellationToken);
        var targetUrl = await clients.QueueUrl(queueName, cancellationToken);
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var response = await clients.Sqs.ReceiveMessageAsync(new ReceiveMessageRequest
                {
                    QueueUrl = fifoUrl,
                    MaxNumberOfMessages = 10,
                    WaitTimeSeconds = 20,
                    MessageAttributeNames = ["All"],
                    MessageSystemAttributeNames = ["MessageDeduplicationId", "SentTimestamp", "ApproximateFirstReceiveTimestamp", "ApproximateReceiveCount"],
                }, cancellationToken);
                foreach (var message in response.Messages ?? [])
                {
                    await Forward(message, fifoUrl, targetUrl, cancellationToken);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
            }
            catch (Exception exception)
            {
                logger.LogWarning(exception, "Moving delayed messages of {Queue} failed; trying again in a second", queueName);
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private async Task Forward(Message message, string fifoUrl, string targetUrl, CancellationToken cancellationToken)
    {
        var attributes = message.MessageAttributes ?? [];
        var total = int.Parse(attributes[TransportHeaders.DelaySeconds].StringValue, CultureInfo.InvariantCulture);
        var system = message.Attributes ?? [];
        var remaining = Remaining(
            total,
            DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(system["SentTimestamp"], CultureInfo.InvariantCulture)),
            DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(system["ApproximateFirstReceiveTimestamp"], CultureInfo.InvariantCulture)),
            int.Parse(system["ApproximateReceiveCount"], CultureInfo.InvariantCulture),
            time.GetUtcNow());

        if (remaining > TransportHeaders.MaximumNativeDelaySeconds)
        {
            var deduplicationId = system.GetValueOrDefault("MessageDeduplicationId") ?? message.MessageId;
            attributes[TransportHeaders.DelaySeconds] = new MessageAttributeValue { DataType = "String", StringValue = remaining.ToString(CultureInfo.InvariantCulture) };
            await clients.Sqs.SendMessageAsync(new SendMessageRequest
            {
                QueueUrl = fifoUrl,
                MessageBody = message.Body,
                MessageAttributes = attributes,
                MessageGroupId = deduplicationId,
                MessageDeduplicationId = deduplicationId,
            }, cancellationToken);
        }
        else
        {
            attributes.Remove(TransportHeaders.DelaySeconds);
            await clients.Sqs.SendMessageAsync(new SendMessageRequest
            {
                QueueUrl = targetUrl,
                MessageBody = message.Body,
                MessageAttributes = attributes,
                DelaySeconds = remaining,
            }, cancellationToken);
        }

        await clients.Sqs.DeleteMessageAsync(fifoUrl, message.ReceiptHandle, cancellationToken);
    }
}
