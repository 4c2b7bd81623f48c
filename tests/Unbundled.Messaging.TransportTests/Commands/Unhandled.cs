namespace Unbundled.Messaging.TransportTests.Commands;

/// <summary>A command no endpoint in the suite handles.</summary>
public sealed record Unhandled(string Text);
