using Unbundled.Domain.Customers;

namespace Unbundled.Ports;

/// <summary>
/// Tells the process's <see cref="ViewChanges"/> of every save that succeeded, so no adapter has to remember to. The
/// shell puts it around whichever <see cref="ICustomerViews"/> the shell provides.
/// </summary>
public sealed class NotifyingCustomerViews(ICustomerViews inner, ViewChanges changes) : ICustomerViews
{
    public Task<CustomerView?> Find(Guid customerId, CancellationToken cancellationToken) => inner.Find(customerId, cancellationToken);

    public async Task Save(CustomerView view, CancellationToken cancellationToken)
    {
        await inner.Save(view, cancellationToken);
        changes.Saved(view.Id);
    }
}
