using System.Diagnostics;
using Amazon.SQS;
using Amazon.SQS.Model;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Unbundled.Lambda.Harness.EventSources;

/// <summary>
/// Reads a queue as Lambda's SQS poller does: long polls, gathers up to the batch size within the batching window, invokes
/// the function with up to <see cref="EventSourceMappingSettings.MaximumConcurrency"/> batches at once, and deletes only
/// the records that succeeded; the others it leaves alone, to come back after their visibility timeout: the queue's, or
/// the delayed retry's that the function set (docs/lambda.md#event-source-mapping, #sqs-event).
/// </summary>
public sealed class SqsEventSourceMapping : IAsyncDisposable
{
    private readonly IAmazonSQS sqs;
    private readonly string queueUrl;
    private readonly LocalFunction function;
    private readonly EventSourceMappingSettings settings;
    private readonly ILogger logger;
    private readonly CancellationTokenSource stopping = new();
    private readonly List<Task> pollers = [];
    private string queueArn = string.Empty;

    public SqsEventSourceMapping(IAmazonSQS sqs, string queueUrl, LocalFunction function, EventSourceMappingSettings? settings = null, ILogger? logger = null)
    {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.function = function;
        this.settings = settings ?? new EventSourceMappingSettings();
        this.logger = logger ?? NullLogger.Instance;
    }

    /// <summary>Raised after every invocation with its batch and result, before the deletes.</summary>
    public event Action<IReadOnlyList<Message>, InvocationResult>? Invoked;

    public async Task Start(CancellationToken cancellationToken = default)
    {
        var attributes = await sqs.GetQueueAttributesAsync(new GetQueueAttributesRequest { QueueUrl = queueUrl, AttributeNames = ["QueueArn"] }, cancellationToken);
        queueArn = attributes.QueueARN;
        for (var i = 0; i < settings.MaximumConcurrency; i++)
        {
            pollers.Add(Task.Run(Poll, CancellationToken.None));
        }
    }

    /// <summary>
    /// Stops polling: the polls under way run to their end (an abandoned one would still take messages and hide them for
    /// the visibility timeout) and what they bring is made visible again at once; invocations under way are cancelled.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        await Task.WhenAll(pollers).ContinueWith(_ => { }, TaskScheduler.Default);
        stopping.Dispose();
    }

    private async Task Poll()
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                var batch = await Gather(CancellationToken.None);
                if (batch.Count == 0)
                {
                    continue;
                }

                if (stopping.IsCancellationRequested)
                {
                    await GiveBack(batch);
                    return;
                }

                var result = await function.Invoke(SqsEventBuilder.Build(batch, queueArn, "us-east-1"), stopping.Token);
                Invoked?.Invoke(batch, result);
                await Delete(SqsEventBuilder.ToDelete(batch, result));
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
            }
            catch (Exception exception)
            {
                logger.LogWarning(exception, "The event source mapping of {Function} failed a poll; polling again", function.Definition.Name);
                await Task.Delay(TimeSpan.FromSeconds(1), CancellationToken.None);
            }
        }
    }

    private async Task<List<Message>> Gather(CancellationToken cancellationToken)
    {
        var batch = new List<Message>();
        var window = Stopwatch.StartNew();
        do
        {
            var waitSeconds = batch.Count == 0 ? settings.Wait : settings.MaximumBatchingWindow - window.Elapsed;
            var received = await sqs.ReceiveMessageAsync(new ReceiveMessageRequest
            {
                QueueUrl = queueUrl,
                MaxNumberOfMessages = Math.Min(10, settings.BatchSize - batch.Count),
                WaitTimeSeconds = (int)Math.Clamp(Math.Ceiling(waitSeconds.TotalSeconds), 0, 20),
                MessageSystemAttributeNames = ["All"],
                MessageAttributeNames = ["All"],
            }, cancellationToken);
            batch.AddRange(received.Messages ?? []);
            if (batch.Count == 0)
            {
                window.Restart();
            }
        }
        while (batch.Count > 0 && batch.Count < settings.BatchSize && window.Elapsed < settings.MaximumBatchingWindow && !stopping.IsCancellationRequested);

        return batch;
    }

    private async Task GiveBack(IReadOnlyList<Message> batch)
    {
        foreach (var chunk in batch.Chunk(10))
        {
            await sqs.ChangeMessageVisibilityBatchAsync(new ChangeMessageVisibilityBatchRequest
            {
                QueueUrl = queueUrl,
                Entries = [.. chunk.Select((m, i) => new ChangeMessageVisibilityBatchRequestEntry(i.ToString(System.Globalization.CultureInfo.InvariantCulture), m.ReceiptHandle) { VisibilityTimeout = 0 })],
            }, CancellationToken.None);
        }
    }

    private async Task Delete(IReadOnlyList<Message> succeeded)
    {
        foreach (var chunk in succeeded.Chunk(10))
        {
            await sqs.DeleteMessageBatchAsync(new DeleteMessageBatchRequest
            {
                QueueUrl = queueUrl,
                Entries = [.. chunk.Select((m, i) => new DeleteMessageBatchRequestEntry(i.ToString(System.Globalization.CultureInfo.InvariantCulture), m.ReceiptHandle))],
            }, CancellationToken.None);
        }
    }
}
