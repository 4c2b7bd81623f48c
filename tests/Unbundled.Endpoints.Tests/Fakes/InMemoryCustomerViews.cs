using System.Data;
using Unbundled.Domain.Customers;
using Unbundled.Ports;

namespace Unbundled.Endpoints.Tests.Fakes;

/// <summary>
/// Views in memory that keep the contract of <see cref="ICustomerViews"/>: a save stores only if the stored view is the
/// one this instance last read (none, if it read none), and an instance serves one message (<see cref="NextMessage"/>).
/// </summary>
internal sealed class InMemoryCustomerViews : ICustomerViews
{
    private readonly Store store;
    private readonly Dictionary<Guid, CustomerView?> read = [];

    public InMemoryCustomerViews()
        : this(new Store())
    {
    }

    private InMemoryCustomerViews(Store store) => this.store = store;

    public int Saves => store.Saves;

    /// <summary>The instance the next message gets: the same views, nothing read yet.</summary>
    public InMemoryCustomerViews NextMessage() => new(store);

    public Task<CustomerView?> Find(Guid customerId, CancellationToken cancellationToken)
    {
        read[customerId] = store.Views.GetValueOrDefault(customerId);
        return Task.FromResult(read[customerId]);
    }

    public Task Save(CustomerView view, CancellationToken cancellationToken)
    {
        if (!ReferenceEquals(store.Views.GetValueOrDefault(view.Id), read.GetValueOrDefault(view.Id)))
        {
            throw new DBConcurrencyException($"Customer view {view.Id} changed since it was read.");
        }

        store.Views[view.Id] = view;
        read[view.Id] = view;
        store.Saves++;
        return Task.CompletedTask;
    }

    private sealed class Store
    {
        public Dictionary<Guid, CustomerView> Views { get; } = [];

        public int Saves { get; set; }
    }
}
