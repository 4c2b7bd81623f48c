using Unbundled.Messaging.Tests.Commands;
using Unbundled.Messaging.TransportTests.Infrastructure;

namespace Unbundled.Messaging.Tests.Handlers;

/// <summary>Records the order and sends a <see cref="BillOrder"/> to Billing.</summary>
public sealed class PlaceOrderHandler(Observations observations, EndpointLabel endpoint) : IHandleMessages<PlaceOrder>
{
    public Task Handle(PlaceOrder message, IMessageHandlerContext context)
    {
        observations.Record(message, context, endpoint);
        return context.Send("Billing", new BillOrder(message.OrderId));
    }
}
