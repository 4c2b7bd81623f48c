using Unbundled.Domain.Customers;

namespace Unbundled.Ports;

/// <summary>
/// Reading the customers read model, all that queries need. Kept apart from <see cref="ICustomerViews"/> so that what a
/// component depends on says whether it writes: the topology grants a reader no write (see docs/topology.md).
/// </summary>
public interface IReadCustomerViews
{
    Task<CustomerView?> Find(Guid customerId, CancellationToken cancellationToken);
}
