namespace Unbundled.Messaging.TransportTests.Messages;

public enum Verdict
{
    Rejected = 0,
    Accepted = 7,
}
