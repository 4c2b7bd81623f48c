using Unbundled.Messaging.Tests.Contracts;

namespace Unbundled.Messaging.Tests.Events;

public sealed record PriorityOrderPlaced(string OrderId, int Priority) : OrderPlaced(OrderId), IAuditable;
