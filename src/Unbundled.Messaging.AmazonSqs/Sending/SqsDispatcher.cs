using System.Collections.Concurrent;
using Amazon.SQS.Model;
using Microsoft.Extensions.Logging;
using Unbundled.Messaging.AmazonSqs.Receiving;
using Unbundled.Messaging.InProcess;
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
/// <remarks>
/// Replies to a queue that no longer exists are dropped with a warning: it was the instance queue of a requester that
/// is gone (stopped, or killed and cleaned up), nobody will read them, and the message being handled has succeeded;
/// failing it would retry it into <c>error</c>. Any other message to a missing queue fails as before.
/// </remarks>
internal sealed class SqsDispatcher(
    SqsClients clients, TopicPublisher topics, LocalReceivers<SqsMessageReceiver> local, TimeProvider time, ILogger logger) : IMessageDispatcher
{
    private readonly ConcurrentDictionary<string, QueueSender> senders = new(StringComparer.Ordinal);

    public Task Dispatch(TransportOperations operations, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
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
        string queueUrl;
        try
        {
            queueUrl = await clients.QueueUrl(destination, cancellationToken);
        }
        catch (QueueDoesNotExistException) when (operations.All(operation => IsReply(operation.Message)))
        {
            DropReplies(destination, operations.Count);
            return;
        }

        List<(UnicastTransportOperation Operation, Task<bool> Consumed)> handedOff = [];
        List<UnicastTransportOperation> toSend = [];
        foreach (var operation in operations)
        {
            if (operation.Properties.DelayFrom(now) == TimeSpan.Zero && local.TryHandOff(queueUrl, operation.Message, out var consumed))
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
        try
        {
            var queueUrl = await clients.QueueUrl(queue, cancellationToken);
            await senders.GetOrAdd(queueUrl, url => new QueueSender(clients, url)).Send(messages, cancellationToken);
        }
        catch (QueueDoesNotExistException) when (messages.All(message => message.IsReply))
        {
            DropReplies(queue, messages.Count);
        }
    }

    internal static bool IsReply(OutgoingMessage message) =>
        message.Headers.GetValueOrDefault(Headers.MessageIntent) == nameof(MessageIntent.Reply);

    private void DropReplies(string queue, int count) =>
        logger.LogWarning(
            "Dropped {Count} replies to {Queue}: the queue no longer exists, so the instance that asked is gone; the message that replied was handled",
            count,
            queue);
}
