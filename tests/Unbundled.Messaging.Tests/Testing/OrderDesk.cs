using Unbundled.Messaging.Tests.Commands;
using Unbundled.Messaging.Tests.Messages;

namespace Unbundled.Messaging.Tests.Testing;

/// <summary>Sample code outside handlers, of the kind the testing kit's message session is for.</summary>
public sealed class OrderDesk(IMessageSession session)
{
    public async Task<OrderAccepted> PlaceOrder(string orderId)
    {
        var options = new SendOptions();
        options.SetDestination("Sales");
        options.SetMessageId($"place-{orderId}");
        return await session.Request<OrderAccepted>(new PlaceOrder(orderId), options);
    }
}
