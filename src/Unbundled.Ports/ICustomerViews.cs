using Unbundled.Domain.Customers;

namespace Unbundled.Ports;

/// <summary>The customers read model: what queries read and the projector writes.</summary>
public interface ICustomerViews
{
    Task<CustomerView?> Find(Guid customerId, CancellationToken cancellationToken);

    /// <summary>Stores the view, replacing the one with the same id.</summary>
    Task Save(CustomerView view, CancellationToken cancellationToken);
}
