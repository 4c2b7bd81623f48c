using Unbundled.Messaging.Transport;

namespace Unbundled.Messaging.Embedded;

internal sealed class FileSystemSubscriptionManager(SubscriptionStore store, string queue) : ISubscriptionManager
{
    public Task SubscribeAll(IReadOnlyList<Type> eventTypes, CancellationToken cancellationToken = default)
    {
        foreach (var eventType in eventTypes)
        {
            store.Subscribe(eventType, queue);
        }

        return Task.CompletedTask;
    }

    public Task Unsubscribe(Type eventType, CancellationToken cancellationToken = default)
    {
        store.Unsubscribe(eventType, queue);
        return Task.CompletedTask;
    }
}
