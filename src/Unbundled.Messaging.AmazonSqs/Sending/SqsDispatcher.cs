using System.Collections.Concurrent;
using Unbundled.Messaging.Transport;

namespace Unbundled.Messaging.AmazonSqs.Sending;

/// <summary>
/// Sends to queues with <c>SendMessageBatch</c> (per queue, up to 10 entries and 256 KiB, gathered across concurrent
/// dispatches by <see cref="QueueSender"/>) and publishes to topics with <c>PublishBatch</c> (<see cref="TopicPublisher"/>).
/// Delays up to 900 s are SQS's own <c>DelaySeconds</c>; longer ones go to <c>{queue}-delay.fifo</c>.
/// </summary>
internal sealed class SqsDispatcher(SqsClients clients, TopicPublisher topics) : IMessageDispatcher
{
    private readonly ConcurrentDictionary<string, QueueSender> senders = new(StringComparer.Ordinal);

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
        await senders.GetOrAdd(queueUrl, url => new QueueSender(clients, url)).Send(messages, cancellationToken);
    }
}
