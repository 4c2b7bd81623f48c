using Unbundled.Messaging.Tests.Commands;
using Unbundled.Messaging.Tests.Events;
using Unbundled.Messaging.Tests.Messages;

namespace Unbundled.Messaging.Tests.Testing;

/// <summary>A sample handler of the kind the testing kit is for: it bills later, announces the order and answers the shop.</summary>
public sealed class AcceptOrderHandler : IHandleMessages<PlaceOrder>
{
    public async Task Handle(PlaceOrder message, IMessageHandlerContext context)
    {
        var bill = new SendOptions();
        bill.SetDestination("Billing");
        bill.DelayDeliveryWith(TimeSpan.FromMinutes(5));
        bill.SetHeader("Tenant", context.MessageHeaders.GetValueOrDefault("Tenant") ?? "none");
        await context.Send(new BillOrder(message.OrderId), bill);

        await context.Publish(new OrderPlaced(message.OrderId));
        await context.Reply(new OrderAccepted(message.OrderId));
    }
}
