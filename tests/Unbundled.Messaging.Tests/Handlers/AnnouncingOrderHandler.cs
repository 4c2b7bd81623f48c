using Unbundled.Messaging.Tests.Commands;
using Unbundled.Messaging.Tests.Events;
using Unbundled.Messaging.Tests.Messages;
using Unbundled.Messaging.Topology;

namespace Unbundled.Messaging.Tests.Handlers;

/// <summary>A handler that declares what it sends, publishes and replies; its body is never run by the tests that use it.</summary>
[Sends(typeof(BillOrder))]
[Publishes(typeof(OrderPlaced))]
[RepliesWith(typeof(OrderAccepted))]
public sealed class AnnouncingOrderHandler : IHandleMessages<PlaceOrder>
{
    public async Task Handle(PlaceOrder message, IMessageHandlerContext context)
    {
        await context.Send(new BillOrder(message.OrderId));
        await context.Publish(new OrderPlaced(message.OrderId));
        await context.Reply(new OrderAccepted(message.OrderId));
    }
}
