using System.Globalization;
using Amazon.SQS.Model;
using Microsoft.Extensions.Logging;
using Unbundled.Messaging.AmazonSqs.Batching;
using Unbundled.Messaging.Batching;

namespace Unbundled.Messaging.AmazonSqs.Receiving;

/// <summary>
/// Makes received messages visible again at once (an immediate retry, a handler cancelled, a stop giving back what it did
/// not finish) with <c>ChangeMessageVisibilityBatch</c>, coalesced like deletes. A reset that fails is not an error: the
/// message simply comes back when its visibility timeout ends (see docs/stopping.md, also for the stand-in that refuses
/// some resets with <c>MessageNotInflight</c>).
/// </summary>
internal sealed class VisibilityResets
{
    private readonly SqsClients clients;
    private readonly string queueUrl;
    private readonly ILogger logger;
    private readonly RequestBatcher<string> batcher;

    public VisibilityResets(SqsClients clients, string queueUrl, ILogger logger)
    {
        this.clients = clients;
        this.queueUrl = queueUrl;
        this.logger = logger;
        batcher = new RequestBatcher<string>(SizeBoundedBatches.MaxEntries, ResetAll);
    }

    /// <summary>Completes once SQS has answered, whatever it answered; never throws but for cancellation of the wait.</summary>
    public Task Reset(IReadOnlyList<string> receiptHandles, CancellationToken cancellationToken = default) =>
        receiptHandles.Count == 0 ? Task.CompletedTask : batcher.AddAll(receiptHandles, cancellationToken);

    /// <summary>As <see cref="Reset"/>, waiting no longer than <paramref name="timeout"/> for SQS's answer.</summary>
    public async Task ResetWithin(TimeSpan timeout, IReadOnlyList<string> receiptHandles)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await Reset(receiptHandles, cancellation.Token);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
        }
    }

    public Task WhenIdle() => batcher.WhenIdle();

    private async Task ResetAll(IReadOnlyList<string> receiptHandles)
    {
        try
        {
            var response = await clients.Sqs.ChangeMessageVisibilityBatchAsync(new ChangeMessageVisibilityBatchRequest
            {
                QueueUrl = queueUrl,
                Entries = [.. receiptHandles.Select((handle, index) =>
                    new ChangeMessageVisibilityBatchRequestEntry(index.ToString(CultureInfo.InvariantCulture), handle) { VisibilityTimeout = 0 })],
            });
            if (response.Failed is { Count: > 0 } failed)
            {
                logger.LogInformation("{Count} of {Total} messages of {QueueUrl} could not be made visible again ({Code}); they come back after their visibility timeout",
                    failed.Count, receiptHandles.Count, queueUrl, failed[0].Code);
            }
        }
        catch (Exception exception)
        {
            logger.LogInformation(exception, "{Total} messages of {QueueUrl} could not be made visible again; they come back after their visibility timeout",
                receiptHandles.Count, queueUrl);
        }
    }
}
