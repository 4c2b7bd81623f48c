namespace Unbundled.Messaging.Transport;

/// <summary>Native publish/subscribe: makes events of the given types arrive in the receiver's queue.</summary>
public interface ISubscriptionManager
{
    Task SubscribeAll(IReadOnlyList<Type> eventTypes, CancellationToken cancellationToken = default);

    Task Unsubscribe(Type eventType, CancellationToken cancellationToken = default);
}
