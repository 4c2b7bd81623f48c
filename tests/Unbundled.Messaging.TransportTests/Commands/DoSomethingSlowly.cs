namespace Unbundled.Messaging.TransportTests.Commands;

public sealed record DoSomethingSlowly(string Text, int Milliseconds);
