using System.Data;
using Microsoft.Extensions.Logging;
using Unbundled.Domain.Customers;
using Unbundled.Domain.Events;
using Unbundled.Messaging;
using Unbundled.Ports;

namespace Unbundled.Projector.Handlers;

/// <summary>
/// Folds the event into the customer's view; the fold ignores events it has applied, so redeliveries are harmless. An
/// invite's view almost never exists yet, so the view is first saved as new without a read: by the views' contract a save
/// that read nothing stores only if no view exists, as a read that found none and a save would. Only when one exists (a
/// redelivery) is it read and the event folded into it. One write per invite instead of a read and a write. This relies
/// on the views being scoped to the message, as the contract requires: an instance that saved a view before would take
/// the new view as a change of the one it saved.
/// </summary>
public sealed class CustomerInvitedHandler(ILogger<CustomerInvitedHandler> logger, ICustomerViews views) : IHandleMessages<CustomerInvited>
{
    public async Task Handle(CustomerInvited message, IMessageHandlerContext context)
    {
        try
        {
            await views.Save(CustomerProjection.Project(null, message), context.CancellationToken);
        }
        catch (DBConcurrencyException)
        {
            var view = await views.Find(message.CustomerId, context.CancellationToken);
            var projected = CustomerProjection.Project(view, message);
            if (projected != view)
            {
                await views.Save(projected, context.CancellationToken);
            }
        }

        logger.LogInformation("Customer {CustomerId} projected from event {EventId}", message.CustomerId, message.EventId);
    }
}
