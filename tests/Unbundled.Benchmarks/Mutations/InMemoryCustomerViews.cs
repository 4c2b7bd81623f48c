using System.Collections.Concurrent;
using Unbundled.Domain.Customers;
using Unbundled.Ports;

namespace Unbundled.Benchmarks.Mutations;

/// <summary>The read model in a dictionary, for the systems that keep nothing on disk.</summary>
internal sealed class InMemoryCustomerViews : ICustomerViews
{
    private readonly ConcurrentDictionary<Guid, CustomerView> views = new();

    public Task<CustomerView?> Find(Guid customerId, CancellationToken cancellationToken) =>
        Task.FromResult(views.GetValueOrDefault(customerId));

    /// <summary>Reports the save as every read-model store does, so the API's read-your-writes wait learns of it.</summary>
    public Task Save(CustomerView view, CancellationToken cancellationToken)
    {
        views[view.Id] = view;
        ViewChanges.Saved(view.Id);
        return Task.CompletedTask;
    }
}
