namespace Unbundled.Messaging.Tests.Events;

/// <summary>An event interface: a message type by the namespace convention, so it travels in EnclosedMessageTypes.</summary>
public interface IOrderEvent
{
    string OrderId { get; }
}
