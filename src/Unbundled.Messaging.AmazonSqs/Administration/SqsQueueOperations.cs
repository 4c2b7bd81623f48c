using System.Globalization;
using Amazon.SQS;
using Amazon.SQS.Model;
using Unbundled.Messaging.AmazonSqs.Receiving;
using Unbundled.Messaging.Transport;

namespace Unbundled.Messaging.AmazonSqs.Administration;

/// <summary>
/// SQS's queues for an operator. SQS cannot peek: a browse receives the messages with a visibility timeout of
/// <see cref="SqsTransport.BrowseVisibilityTimeout"/>, page after page until a receive brings nothing new, and gives back
/// those it does not take with <c>ChangeMessageVisibility</c> 0 when it is disposed. While it holds them, any other reader
/// of the queue (a ServiceControl) does not see them, and each browse counts as a receive in their
/// <c>ApproximateReceiveCount</c>. A message taken is deleted only after it was forwarded (docs/operations.md).
/// </summary>
internal sealed class SqsQueueOperations(SqsTransport transport, SqsClients clients, IMessageDispatcher dispatcher) : IQueueOperations
{
    public IMessageDispatcher Dispatcher => dispatcher;

    public string ToTransportAddress(string queue) => transport.ToTransportAddress(new QueueAddress(queue));

    public async Task<long> Count(string queue, CancellationToken cancellationToken = default)
    {
        var url = await Url(queue, cancellationToken);
        var attributes = await clients.Sqs.GetQueueAttributesAsync(url, ["ApproximateNumberOfMessages"], cancellationToken);
        return attributes.ApproximateNumberOfMessages;
    }

    public async Task<IQueueBrowse> Browse(string queue, int max, CancellationToken cancellationToken = default)
    {
        var url = await Url(queue, cancellationToken);
        var held = new Dictionary<string, (QueuedMessage Message, string ReceiptHandle)>(StringComparer.Ordinal);
        try
        {
            while (held.Count < max)
            {
                var response = await clients.Sqs.ReceiveMessageAsync(new ReceiveMessageRequest
                {
                    QueueUrl = url,
                    MaxNumberOfMessages = Math.Min(10, max - held.Count),
                    // A short long poll asks every server, so an empty answer means the queue has nothing left to show.
                    WaitTimeSeconds = 1,
                    VisibilityTimeout = (int)transport.BrowseVisibilityTimeout.TotalSeconds,
                    MessageAttributeNames = ["All"],
                    MessageSystemAttributeNames = ["SentTimestamp"],
                }, cancellationToken);
                var fresh = (response.Messages ?? []).Where(message => held.TryAdd(message.MessageId, (ToQueued(message), message.ReceiptHandle))).Count();
                if (fresh == 0)
                {
                    break;
                }
            }
        }
        catch
        {
            await new Browsed(clients, url, held).DisposeAsync();
            throw;
        }

        return new Browsed(clients, url, held);
    }

    public ValueTask DisposeAsync()
    {
        clients.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task<string> Url(string queue, CancellationToken cancellationToken)
    {
        try
        {
            return await clients.QueueUrl(ToTransportAddress(queue), cancellationToken);
        }
        catch (AmazonSQSException exception)
        {
            throw new QueueUnreachableException(queue, exception.Message, exception);
        }
        catch (HttpRequestException exception)
        {
            throw new QueueUnreachableException(queue, exception.Message, exception);
        }
    }

    /// <summary>The message as a receiver reads it; one it cannot read (poison) with its SQS id and raw body.</summary>
    private static QueuedMessage ToQueued(Message message) =>
        SqsMessageReader.Read(message) is { } read
            ? new QueuedMessage(message.MessageId, read.Headers, read.Body)
            : new QueuedMessage(message.MessageId, new Dictionary<string, string>(), System.Text.Encoding.UTF8.GetBytes(message.Body ?? string.Empty));

    private sealed class Browsed(SqsClients clients, string url, Dictionary<string, (QueuedMessage Message, string ReceiptHandle)> held) : IQueueBrowse
    {
        public IReadOnlyList<QueuedMessage> Messages { get; } = [.. held.Values.Select(entry => entry.Message)];

        public async Task<bool> Take(QueuedMessage message, Func<CancellationToken, Task> forward, CancellationToken cancellationToken = default)
        {
            if (!held.ContainsKey(message.NativeId))
            {
                return false;
            }

            await forward(cancellationToken);
            await Remove(message, cancellationToken);
            return true;
        }

        public async Task Remove(QueuedMessage message, CancellationToken cancellationToken = default)
        {
            if (held.Remove(message.NativeId, out var entry))
            {
                await clients.Sqs.DeleteMessageAsync(url, entry.ReceiptHandle, cancellationToken);
            }
        }

        /// <summary>Gives back what was not taken; a failure only means they come back when their visibility timeout ends.</summary>
        public async ValueTask DisposeAsync()
        {
            foreach (var chunk in held.Values.Chunk(10))
            {
                try
                {
                    await clients.Sqs.ChangeMessageVisibilityBatchAsync(new ChangeMessageVisibilityBatchRequest
                    {
                        QueueUrl = url,
                        Entries = [.. chunk.Select((entry, index) =>
                            new ChangeMessageVisibilityBatchRequestEntry(index.ToString(CultureInfo.InvariantCulture), entry.ReceiptHandle) { VisibilityTimeout = 0 })],
                    });
                }
                catch (AmazonSQSException)
                {
                }
                catch (HttpRequestException)
                {
                }
            }

            held.Clear();
        }
    }
}
