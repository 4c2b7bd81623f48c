using System.Data;
using Unbundled.Domain.Customers;
using Unbundled.Ports;

namespace Unbundled.Endpoints.Tests.Fakes;

internal sealed class InMemoryCustomerViews : ICustomerViews
{
    private readonly Dictionary<Guid, CustomerView> views = [];
    private readonly Dictionary<Guid, CustomerView?> read = [];

    public int Saves { get; private set; }

    public Task<CustomerView?> Find(Guid customerId, CancellationToken cancellationToken)
    {
        read[customerId] = views.GetValueOrDefault(customerId);
        return Task.FromResult(read[customerId]);
    }

    /// <summary>As the contract says: stores only if the stored view is the one last read (none, if none was read).</summary>
    public Task Save(CustomerView view, CancellationToken cancellationToken)
    {
        if (!ReferenceEquals(views.GetValueOrDefault(view.Id), read.GetValueOrDefault(view.Id)))
        {
            throw new DBConcurrencyException($"Customer view {view.Id} changed since it was read.");
        }

        views[view.Id] = view;
        read[view.Id] = view;
        Saves++;
        return Task.CompletedTask;
    }
}
