namespace Unbundled.Messaging.TransportTests.Infrastructure;

/// <summary>One message a handler handled, the headers it came with and the endpoint that handled it.</summary>
public sealed record Observed(object Message, IReadOnlyDictionary<string, string> Headers, string Endpoint);
