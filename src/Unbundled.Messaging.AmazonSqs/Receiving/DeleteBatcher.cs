using System.Globalization;
using Amazon.SQS.Model;
using Unbundled.Messaging.AmazonSqs.Batching;
using Unbundled.Messaging.Batching;

namespace Unbundled.Messaging.AmazonSqs.Receiving;

/// <summary>
/// Deletes processed messages with <c>DeleteMessageBatch</c>: whatever has queued up while the previous call ran goes in
/// the next, up to 10. Nothing waits to fill a batch, so a lone message is deleted at once; under load one request
/// deletes many, which cuts requests (and cost) per message; after a batch of several the next one gathers for
/// <see cref="PauseUnderLoad"/> first.
/// </summary>
internal sealed class DeleteBatcher
{
    /// <summary>How long a delete may wait for others under load: short beside any visibility timeout.</summary>
    internal static readonly TimeSpan PauseUnderLoad = TimeSpan.FromMilliseconds(2);

    private readonly SqsClients clients;
    private readonly string queueUrl;
    private readonly RequestBatcher<string> batcher;

    public DeleteBatcher(SqsClients clients, string queueUrl)
    {
        this.clients = clients;
        this.queueUrl = queueUrl;
        // Nobody waits on a delete but the message's processing slot: under load, gathering for a moment more saves requests.
        batcher = new RequestBatcher<string>(SizeBoundedBatches.MaxEntries, DeleteAll, PauseUnderLoad);
    }

    /// <summary>Completes once SQS has deleted the message.</summary>
    public Task Delete(string receiptHandle) => batcher.Add(receiptHandle);

    public Task WhenIdle() => batcher.WhenIdle();

    private async Task DeleteAll(IReadOnlyList<string> receiptHandles)
    {
        if (receiptHandles.Count == 1)
        {
            await clients.Sqs.DeleteMessageAsync(queueUrl, receiptHandles[0]);
            return;
        }

        var response = await clients.Sqs.DeleteMessageBatchAsync(new DeleteMessageBatchRequest
        {
            QueueUrl = queueUrl,
            Entries = [.. receiptHandles.Select((handle, index) => new DeleteMessageBatchRequestEntry(index.ToString(CultureInfo.InvariantCulture), handle))],
        });
        if (response.Failed is { Count: > 0 } failed)
        {
            // The message comes back after its visibility timeout and the outbox recognises it: report, do not retry here.
            throw new InvalidOperationException($"{failed.Count} of {receiptHandles.Count} deletes failed: {failed[0].Code} {failed[0].Message}");
        }
    }
}
