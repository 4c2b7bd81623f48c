using Unbundled.Messaging.Tests.Commands;

namespace Unbundled.Messaging.Tests.Handlers;

public sealed class RejectOrderHandler : IHandleMessages<RejectOrder>
{
    public Task Handle(RejectOrder message, IMessageHandlerContext context) =>
        throw new InvalidOperationException($"Order {message.OrderId} is rejected on purpose.");
}
