namespace Unbundled.Messaging.Tests.Messages;

public enum OrderStatus
{
    Pending = 0,
    Accepted = 7,
}
