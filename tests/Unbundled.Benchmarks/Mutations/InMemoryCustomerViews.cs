using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Unbundled.Domain.Customers;
using Unbundled.Ports;

namespace Unbundled.Benchmarks.Mutations;

/// <summary>The read model in a dictionary, for the systems that keep nothing on disk.</summary>
internal sealed class InMemoryCustomerViews : ICustomerViews
{
    private readonly ConcurrentDictionary<Guid, CustomerView> views = new();

    public Task<CustomerView?> Find(Guid customerId, CancellationToken cancellationToken) =>
        Task.FromResult(views.GetValueOrDefault(customerId));

    public Task Save(CustomerView view, CancellationToken cancellationToken)
    {
        views[view.Id] = view;
        return Task.CompletedTask;
    }

    /// <summary>Registers the views as the shell does, so the API's read-your-writes wait learns of each save.</summary>
    public static void AddTo(IServiceCollection services) => services.AddSingleton<ICustomerViews>(provider =>
        new NotifyingCustomerViews(new InMemoryCustomerViews(), provider.GetRequiredService<ViewChanges>()));
}
