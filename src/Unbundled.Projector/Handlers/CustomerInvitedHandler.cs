using Microsoft.Extensions.Logging;
using Unbundled.Domain.Customers;
using Unbundled.Domain.Events;
using Unbundled.Messaging;
using Unbundled.Ports;

namespace Unbundled.Projector.Handlers;

/// <summary>Folds the event into the customer's view; the fold ignores events it has applied, so redeliveries are harmless.</summary>
public sealed class CustomerInvitedHandler(ILogger<CustomerInvitedHandler> logger, ICustomerViews views) : IHandleMessages<CustomerInvited>
{
    public async Task Handle(CustomerInvited message, IMessageHandlerContext context)
    {
        var view = await views.Find(message.CustomerId, context.CancellationToken);
        var projected = CustomerProjection.Project(view, message);
        if (projected != view)
        {
            await views.Save(projected, context.CancellationToken);
        }

        logger.LogInformation("Customer {CustomerId} projected from event {EventId}", message.CustomerId, message.EventId);
    }
}
