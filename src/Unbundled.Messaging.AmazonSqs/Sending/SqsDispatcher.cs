using System.Collections.Concurrent;
using Unbundled.Messaging.AmazonSqs.Receiving;
using Unbundled.Messaging.Transport;

namespace Unbundled.Messaging.AmazonSqs.Sending;

/// <summary>
/// Sends to queues with <c>SendMessageBatch</c> (per queue, up to 10 entries and 256 KiB, gathered across concurrent
/// dispatches by <see cref="QueueSender"/>) and publishes to topics with <c>PublishBatch</c> (<see cref="TopicPublisher"/>).
/// Delays up to 900 s are SQS's own <c>DelaySeconds</c>; longer ones go to <c>{queue}-delay.fifo</c>. A received message's
/// outgoing messages for a queue that a receiver in this process reads go to it straight from memory when it has a free
/// slot (a reply to this process's instance queue, typically): the received message, still unacknowledged, is their durable
/// copy until they are processed, and what is not processed is sent through SQS after all.
/// </summary>
internal sealed class SqsDispatcher(SqsClients clients, TopicPublisher topics) : IMessageDispatcher
{
    private readonly ConcurrentDictionary<string, QueueSender> senders = new(StringComparer.Ordinal);

    public Task Dispatch(TransportOperations operations, CancellationToken cancellationToken = default)
    {
        var now = DateTimeOffset.UtcNow;
        var sends = operations.BackedByReceivedMessage
            ? operations.UnicastOperations.GroupBy(operation => operation.Destination).Select(queue => HandOffOrSend(queue.Key, [.. queue], now, cancellationToken))
            : [Send(operations.UnicastOperations, now, cancellationToken)];
        var publishes = operations.MulticastOperations
            .GroupBy(operation => operation.MessageType)
            .Select(type => topics.Publish(type.Key, [.. type.Select(o => o.Message)], cancellationToken));
        return Task.WhenAll(sends.Concat(publishes));
    }

    /// <summary>Completes once every send and publish queued so far has gone out: a stop awaits it before closing the clients.</summary>
    public Task WhenIdle() => Task.WhenAll(senders.Values.Select(sender => sender.WhenIdle()).Append(topics.WhenIdle()));

    private async Task HandOffOrSend(string destination, List<UnicastTransportOperation> operations, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var queueUrl = await clients.QueueUrl(destination, cancellationToken);
        List<(UnicastTransportOperation Operation, Task<bool> Consumed)> handedOff = [];
        List<UnicastTransportOperation> toSend = [];
        foreach (var operation in operations)
        {
            if (operation.Properties.DelayFrom(now) == TimeSpan.Zero && LocalReceivers.TryHandOff(queueUrl, operation.Message, out var consumed))
            {
                handedOff.Add((operation, consumed));
            }
            else
            {
                toSend.Add(operation);
            }
        }

        var sending = Send(toSend, now, cancellationToken);
        List<UnicastTransportOperation> notConsumed = [];
        foreach (var (operation, consumed) in handedOff)
        {
            if (!await consumed)
            {
                notConsumed.Add(operation);
            }
        }

        await sending;
        await Send(notConsumed, now, cancellationToken);
    }

    private Task Send(IReadOnlyList<UnicastTransportOperation> operations, DateTimeOffset now, CancellationToken cancellationToken) =>
        operations.Count == 0
            ? Task.CompletedTask
            : Task.WhenAll(operations
                .Select(operation => PreparedMessage.For(operation, now))
                .GroupBy(message => message.Queue)
                .Select(queue => SendAll(queue.Key, [.. queue], cancellationToken)));

    private async Task SendAll(string queue, List<PreparedMessage> messages, CancellationToken cancellationToken)
    {
        var queueUrl = await clients.QueueUrl(queue, cancellationToken);
        await senders.GetOrAdd(queueUrl, url => new QueueSender(clients, url)).Send(messages, cancellationToken);
    }
}
