using Unbundled.Messaging.Embedded.Receiving;
using Unbundled.Messaging.InProcess;
using Unbundled.Messaging.Transport;

namespace Unbundled.Messaging.Embedded;

/// <summary>
/// Writes each operation as a file into its queue (or its subscribers' queues) and wakes local receivers. A received
/// message's outgoing messages go to receivers in this process straight from memory when one has a free slot: the
/// received message, still unacknowledged, is their durable record until they are processed. Other messages for a
/// receiver in this process with a free slot are written straight into its claimed folder.
/// </summary>
internal sealed class FileSystemDispatcher(
    QueueStore queues, SubscriptionStore subscriptions, LocalReceivers<LocalIntake> local, TimeProvider time) : IMessageDispatcher
{
    public Task Dispatch(TransportOperations operations, CancellationToken cancellationToken = default)
    {
        var handOffs = new HandOffs(operations.BackedByReceivedMessage, operations.NewMessages);
        var subscribers = operations.MulticastOperations.Count == 0
            ? []
            : operations.MulticastOperations.Select(operation => subscriptions.SubscribersOf(operation.MessageType)).ToArray();
        var remaining = subscribers.Sum(list => list.Count) + operations.UnicastOperations.Count;

        // Events first: their processing is under way when the reply reaches the requester, whose read-your-writes then
        // waits the least.
        for (var i = 0; i < subscribers.Length; i++)
        {
            var operation = operations.MulticastOperations[i];
            foreach (var subscriber in subscribers[i])
            {
                Deliver(subscriber, operation.Message, operation.Properties, ref handOffs, moreToDeliver: --remaining > 0);
            }
        }

        foreach (var operation in operations.UnicastOperations)
        {
            Deliver(operation.Destination, operation.Message, operation.Properties, ref handOffs, moreToDeliver: --remaining > 0);
        }

        return handOffs.WhenProcessed();
    }

    /// <param name="moreToDeliver">
    /// A message handed over in memory then starts on another thread, so that this one goes on to the next (the event's
    /// projection and the reply to the waiting request run side by side); the last runs here, on the spot.
    /// </param>
    private void Deliver(string destination, OutgoingMessage message, DispatchProperties properties, ref HandOffs handOffs, bool moreToDeliver)
    {
        var queue = queues.Get(destination);
        var now = time.GetUtcNow();
        var delay = properties.DelayFrom(now);
        message = TimeToBeReceived.Stamp(message, properties, now);
        if (delay == TimeSpan.Zero && handOffs.Allowed && local.TryHandOff(queue.Path, message, handOffs.New, moreToDeliver, out var processing))
        {
            handOffs.Add(processing);
            return;
        }

        var content = MessageFile.Format(message.Headers, message.Body.Span);
        if (delay == TimeSpan.Zero && local.TryAccept(queue.Path, message, content, handOffs.New))
        {
            return;
        }

        if (queue.Write(content, delay) is { } readyFile)
        {
            local.NotifyReady(queue.Path, new Candidate(readyFile, content));
        }
        else
        {
            local.NotifyDelayed(queue.Path);
        }
    }

    /// <summary>The messages of one dispatch being processed in memory; most dispatches have none or one.</summary>
    private struct HandOffs(bool allowed, bool newMessages)
    {
        private Task? single;
        private List<Task>? more;

        public readonly bool Allowed => allowed;

        public readonly bool New => newMessages;

        public void Add(Task processing)
        {
            if (single is null)
            {
                single = processing;
            }
            else
            {
                (more ??= []).Add(processing);
            }
        }

        public readonly Task WhenProcessed() => more is not null ? Task.WhenAll([single!, .. more]) : single ?? Task.CompletedTask;
    }
}
