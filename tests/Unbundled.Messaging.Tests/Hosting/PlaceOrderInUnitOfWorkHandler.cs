using Unbundled.Messaging.Tests.Commands;

namespace Unbundled.Messaging.Tests.Hosting;

public sealed class PlaceOrderInUnitOfWorkHandler(OrderUnitOfWork unitOfWork, UnitOfWorkLog log) : IHandleMessages<PlaceOrder>
{
    public Task Handle(PlaceOrder message, IMessageHandlerContext context)
    {
        if (unitOfWork.IsDisposed)
        {
            throw new InvalidOperationException("The unit of work was disposed before the handler ran.");
        }

        log.Used(unitOfWork);
        return Task.CompletedTask;
    }
}
