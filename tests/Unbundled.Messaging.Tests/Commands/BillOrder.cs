namespace Unbundled.Messaging.Tests.Commands;

public sealed record BillOrder(string OrderId);
