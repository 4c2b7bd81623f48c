using Unbundled.Messaging.Tests.Contracts;

namespace Unbundled.Messaging.Tests.Events;

public record OrderPlaced(string OrderId) : DomainEvent, IOrderEvent;
