using Unbundled.Domain.Customers;

namespace Unbundled.Ports;

/// <summary>The customers read model: what queries read and the projector writes.</summary>
public interface ICustomerViews : IReadCustomerViews
{
    /// <summary>Stores the view, replacing the one with the same id.</summary>
    Task Save(CustomerView view, CancellationToken cancellationToken);
}
