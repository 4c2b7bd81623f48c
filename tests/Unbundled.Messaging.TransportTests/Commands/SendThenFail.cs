namespace Unbundled.Messaging.TransportTests.Commands;

/// <summary>Its handler sends a message on every attempt but throws on the first.</summary>
public sealed record SendThenFail(string Key);
