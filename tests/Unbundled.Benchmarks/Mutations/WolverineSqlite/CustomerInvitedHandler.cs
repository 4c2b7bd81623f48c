using Unbundled.Domain.Customers;
using Unbundled.Domain.Events;
using Unbundled.Ports;

namespace Unbundled.Benchmarks.Mutations.WolverineSqlite;

/// <summary>The Projector's handler on Wolverine: fold the event into the customer's view and save it.</summary>
public static class CustomerInvitedHandler
{
    public static async Task Handle(CustomerInvited invited, ICustomerViews views, CancellationToken cancellationToken)
    {
        var view = await views.Find(invited.CustomerId, cancellationToken);
        var projected = CustomerProjection.Project(view, invited);
        if (projected != view)
        {
            await views.Save(projected, cancellationToken);
        }
    }
}
