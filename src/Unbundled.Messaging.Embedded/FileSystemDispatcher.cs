using Unbundled.Messaging.Transport;

namespace Unbundled.Messaging.Embedded;

/// <summary>Writes each operation as a file into its queue (or its subscribers' queues) and wakes local receivers.</summary>
internal sealed class FileSystemDispatcher(QueueStore queues, SubscriptionStore subscriptions) : IMessageDispatcher
{
    public Task Dispatch(TransportOperations operations, CancellationToken cancellationToken = default)
    {
        foreach (var operation in operations.UnicastOperations)
        {
            Deliver(operation.Destination, operation.Message, operation.Properties);
        }

        foreach (var operation in operations.MulticastOperations)
        {
            foreach (var subscriber in subscriptions.SubscribersOf(operation.MessageType))
            {
                Deliver(subscriber, operation.Message, operation.Properties);
            }
        }

        return Task.CompletedTask;
    }

    private void Deliver(string destination, OutgoingMessage message, DispatchProperties properties)
    {
        var queue = queues.Get(destination);
        var delay = properties.DelayFrom(DateTimeOffset.UtcNow);
        var content = MessageFile.Format(message.Headers, message.Body.Span);
        if (queue.Write(content, delay) is { } readyFile)
        {
            LocalReceivers.NotifyReady(queue.Path, new Candidate(readyFile, content));
        }
        else
        {
            LocalReceivers.NotifyDelayed(queue.Path);
        }
    }
}
