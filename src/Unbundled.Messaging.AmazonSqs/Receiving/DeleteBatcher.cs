using System.Globalization;
using System.Threading.Channels;
using Amazon.SQS.Model;

namespace Unbundled.Messaging.AmazonSqs.Receiving;

/// <summary>
/// Deletes processed messages with <c>DeleteMessageBatch</c>: whatever has queued up while the previous call ran goes in
/// the next, up to 10. Nothing waits to fill a batch, so a lone message is deleted at once; under load one request
/// deletes many, which cuts requests (and cost) per message.
/// </summary>
internal sealed class DeleteBatcher
{
    private const int MaxBatch = 10;

    private readonly Channel<(string ReceiptHandle, TaskCompletionSource Done)> pending = Channel.CreateUnbounded<(string, TaskCompletionSource)>();
    private readonly SqsClients clients;
    private readonly Func<string> queueUrl;

    public DeleteBatcher(SqsClients clients, Func<string> queueUrl)
    {
        this.clients = clients;
        this.queueUrl = queueUrl;
        _ = Task.Run(Run);
    }

    public Task Delete(string receiptHandle)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return pending.Writer.TryWrite((receiptHandle, done)) ? done.Task : Task.FromException(new ObjectDisposedException(nameof(DeleteBatcher)));
    }

    public void Complete() => pending.Writer.TryComplete();

    private async Task Run()
    {
        var batch = new List<(string ReceiptHandle, TaskCompletionSource Done)>(MaxBatch);
        while (await pending.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatch && pending.Reader.TryRead(out var entry))
            {
                batch.Add(entry);
            }

            try
            {
                await DeleteAll(batch);
                batch.ForEach(entry => entry.Done.TrySetResult());
            }
            catch (Exception exception)
            {
                batch.ForEach(entry => entry.Done.TrySetException(exception));
            }

            batch.Clear();
        }
    }

    private async Task DeleteAll(List<(string ReceiptHandle, TaskCompletionSource Done)> batch)
    {
        if (batch.Count == 1)
        {
            await clients.Sqs.DeleteMessageAsync(queueUrl(), batch[0].ReceiptHandle);
            return;
        }

        var response = await clients.Sqs.DeleteMessageBatchAsync(new DeleteMessageBatchRequest
        {
            QueueUrl = queueUrl(),
            Entries = [.. batch.Select((entry, index) => new DeleteMessageBatchRequestEntry(index.ToString(CultureInfo.InvariantCulture), entry.ReceiptHandle))],
        });
        if (response.Failed is { Count: > 0 } failed)
        {
            // The message comes back after its visibility timeout and the outbox recognises it: report, do not retry here.
            throw new InvalidOperationException($"{failed.Count} of {batch.Count} deletes failed: {failed[0].Code} {failed[0].Message}");
        }
    }
}
