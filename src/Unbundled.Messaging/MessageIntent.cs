namespace Unbundled.Messaging;

/// <summary>The values of <see cref="Headers.MessageIntent"/>; the enum names travel on the wire.</summary>
public enum MessageIntent
{
    Send = 1,
    Publish = 2,
    Subscribe = 3,
    Unsubscribe = 4,
    Reply = 5,
}
