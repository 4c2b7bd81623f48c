namespace Unbundled.Messaging.TransportTests.Messages;

public sealed record Answer(string Text);
