using MassTransit;
using Unbundled.Domain.Customers;
using Unbundled.Domain.Events;
using Unbundled.Ports;

namespace Unbundled.Benchmarks.Mutations.Peer;

/// <summary>The Projector's handler on MassTransit: fold the event into the customer's view.</summary>
internal sealed class CustomerInvitedConsumer(ICustomerViews views) : IConsumer<CustomerInvited>
{
    public async Task Consume(ConsumeContext<CustomerInvited> context)
    {
        var view = await views.Find(context.Message.CustomerId, context.CancellationToken);
        var projected = CustomerProjection.Project(view, context.Message);
        if (projected != view)
        {
            await views.Save(projected, context.CancellationToken);
        }
    }
}
