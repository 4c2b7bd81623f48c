namespace Unbundled.Messaging.Topology;

/// <summary>
/// The replies a handler sends to the senders of the messages it handles; see <see cref="PublishesAttribute"/>. A reply
/// goes to the sender's reply address, so the topology grants it on the queues of every endpoint that sends those messages.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
public sealed class RepliesWithAttribute(Type messageType) : Attribute
{
    public Type MessageType { get; } = messageType;
}
