using System.Globalization;
using Amazon.SQS.Model;
using Unbundled.Messaging.AmazonSqs.Batching;
using Unbundled.Messaging.Batching;

namespace Unbundled.Messaging.AmazonSqs.Sending;

/// <summary>
/// Sends to one queue for every dispatch of the process: messages that queue while a send is in flight go together in
/// the next <c>SendMessageBatch</c>, a lone message is a <c>SendMessage</c>. Under load (the API's commands, the
/// Customers' replies) one request carries several messages.
/// </summary>
internal sealed class QueueSender
{
    /// <summary>What sending to a queue calls: its URL is looked up once, and SendMessage also authorises SendMessageBatch.</summary>
    public static IEnumerable<string> Actions => ["sqs:GetQueueUrl", "sqs:SendMessage"];

    private readonly SqsClients clients;
    private readonly string queueUrl;
    private readonly RequestBatcher<PreparedMessage> batcher;

    public QueueSender(SqsClients clients, string queueUrl)
    {
        this.clients = clients;
        this.queueUrl = queueUrl;
        batcher = new RequestBatcher<PreparedMessage>(SizeBoundedBatches.MaxEntries, SendAll);
    }

    public Task Send(IReadOnlyList<PreparedMessage> messages, CancellationToken cancellationToken) => batcher.AddAll(messages, cancellationToken);

    public Task WhenIdle() => batcher.WhenIdle();

    private async Task SendAll(IReadOnlyList<PreparedMessage> messages)
    {
        foreach (var batch in SizeBoundedBatches.Of(messages, message => message.Size))
        {
            if (batch.Count == 1)
            {
                await clients.Sqs.SendMessageAsync(batch[0].ToRequest(queueUrl));
                continue;
            }

            var response = await clients.Sqs.SendMessageBatchAsync(new SendMessageBatchRequest
            {
                QueueUrl = queueUrl,
                Entries = [.. batch.Select((message, index) => message.ToBatchEntry(index.ToString(CultureInfo.InvariantCulture)))],
            });

            // Entries that failed inside a batch are sent again one at a time (docs/wire-format.md §3.3).
            foreach (var failed in response.Failed ?? [])
            {
                await clients.Sqs.SendMessageAsync(batch[int.Parse(failed.Id, CultureInfo.InvariantCulture)].ToRequest(queueUrl));
            }
        }
    }
}
