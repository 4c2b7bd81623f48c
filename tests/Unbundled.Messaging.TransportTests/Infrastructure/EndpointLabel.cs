namespace Unbundled.Messaging.TransportTests.Infrastructure;

/// <summary>Tells handlers which endpoint instance runs them (two instances of one endpoint share handler types).</summary>
public sealed record EndpointLabel(string Value);
