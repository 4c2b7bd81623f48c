using System.Globalization;
using Amazon.SQS.Model;
using Unbundled.Messaging.Transport;

namespace Unbundled.Messaging.AmazonSqs.Sending;

/// <summary>
/// Sends to queues with <c>SendMessageBatch</c> (per queue, up to 10 entries and 256 KiB) and publishes to topics with
/// <c>PublishBatch</c>. Delays up to 900 s are SQS's own <c>DelaySeconds</c>; longer ones go to <c>{queue}-delay.fifo</c>.
/// </summary>
internal sealed class SqsDispatcher(SqsClients clients, TopicPublisher topics) : IMessageDispatcher
{
    private const int MaxBatchEntries = 10;

    public Task Dispatch(TransportOperations operations, CancellationToken cancellationToken = default)
    {
        var now = DateTimeOffset.UtcNow;
        var sends = operations.UnicastOperations
            .Select(operation => PreparedMessage.For(operation, now))
            .GroupBy(message => message.Queue)
            .Select(queue => SendAll(queue.Key, [.. queue], cancellationToken));
        var publishes = operations.MulticastOperations
            .GroupBy(operation => operation.MessageType)
            .Select(type => topics.Publish(type.Key, [.. type.Select(o => o.Message)], cancellationToken));
        return Task.WhenAll(sends.Concat(publishes));
    }

    private async Task SendAll(string queue, List<PreparedMessage> messages, CancellationToken cancellationToken)
    {
        var queueUrl = await clients.QueueUrl(queue, cancellationToken);
        foreach (var batch in Batches(messages))
        {
            if (batch.Count == 1)
            {
                await clients.Sqs.SendMessageAsync(batch[0].ToRequest(queueUrl), cancellationToken);
                continue;
            }

            var response = await clients.Sqs.SendMessageBatchAsync(new SendMessageBatchRequest
            {
                QueueUrl = queueUrl,
                Entries = [.. batch.Select((message, index) => message.ToBatchEntry(index.ToString(CultureInfo.InvariantCulture)))],
            }, cancellationToken);

            // Entries that failed inside a batch are sent again one at a time (wire-format §3.3).
            foreach (var failed in response.Failed ?? [])
            {
                await clients.Sqs.SendMessageAsync(batch[int.Parse(failed.Id, CultureInfo.InvariantCulture)].ToRequest(queueUrl), cancellationToken);
            }
        }
    }

    private static IEnumerable<List<PreparedMessage>> Batches(List<PreparedMessage> messages)
    {
        var batch = new List<PreparedMessage>(MaxBatchEntries);
        var size = 0;
        foreach (var message in messages)
        {
            if (batch.Count == MaxBatchEntries || (batch.Count > 0 && size + message.Size > TransportHeaders.MaximumMessageSize))
            {
                yield return batch;
                batch = new List<PreparedMessage>(MaxBatchEntries);
                size = 0;
            }

            batch.Add(message);
            size += message.Size;
        }

        if (batch.Count > 0)
        {
            yield return batch;
        }
    }
}
