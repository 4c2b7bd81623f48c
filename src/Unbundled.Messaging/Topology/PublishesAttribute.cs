namespace Unbundled.Messaging.Topology;

/// <summary>
/// The events a handler publishes. Declared next to the handler so that the topology (and from it terraform's topics and
/// grants) knows them; an endpoint that requires declared messages refuses to publish anything else.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
public sealed class PublishesAttribute(Type eventType) : Attribute
{
    public Type EventType { get; } = eventType;
}
