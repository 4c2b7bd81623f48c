namespace Unbundled.Messaging.Tests.Commands;

/// <summary>Its handler always throws.</summary>
public sealed record RejectOrder(string OrderId);
