namespace Unbundled.Messaging.Tests.Commands;

public sealed record PlaceOrder(string OrderId);
