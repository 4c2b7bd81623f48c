using Unbundled.Domain.Customers;
using Unbundled.Ports;

namespace Unbundled.Endpoints.Tests.Fakes;

internal sealed class InMemoryCustomerViews : ICustomerViews
{
    private readonly Dictionary<Guid, CustomerView> views = [];

    public int Saves { get; private set; }

    public Task<CustomerView?> Find(Guid customerId, CancellationToken cancellationToken) =>
        Task.FromResult(views.GetValueOrDefault(customerId));

    public Task Save(CustomerView view, CancellationToken cancellationToken)
    {
        views[view.Id] = view;
        Saves++;
        return Task.CompletedTask;
    }
}
