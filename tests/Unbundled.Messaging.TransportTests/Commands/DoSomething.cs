namespace Unbundled.Messaging.TransportTests.Commands;

public sealed record DoSomething(string Text);
