namespace Unbundled.Messaging.TransportTests.Commands;

/// <summary>Its handler throws on the first <see cref="Times"/> attempts, then succeeds.</summary>
public sealed record Fail(string Key, int Times);
