namespace Unbundled.Messaging.TransportTests.Events;

public sealed record SomethingHappened(string Text);
