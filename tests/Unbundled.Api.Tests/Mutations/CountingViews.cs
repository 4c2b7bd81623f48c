using System.Collections.Concurrent;
using Unbundled.Domain.Customers;
using Unbundled.Ports;

namespace Unbundled.Api.Tests.Mutations;

/// <summary>A read model in memory that counts its reads; the tests wrap it as the shell wraps the real stores.</summary>
internal sealed class CountingViews : ICustomerViews
{
    private readonly ConcurrentDictionary<Guid, CustomerView> views = new();
    private int reads;

    public int Reads => reads;

    public Task<CustomerView?> Find(Guid customerId, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref reads);
        return Task.FromResult(views.GetValueOrDefault(customerId));
    }

    public Task Save(CustomerView view, CancellationToken cancellationToken)
    {
        views[view.Id] = view;
        return Task.CompletedTask;
    }

    /// <summary>Stores the view without telling anyone, as a projector in another process does.</summary>
    public void SaveElsewhere(CustomerView view) => views[view.Id] = view;

    public static CustomerView Invited(Guid customerId) => new(customerId, "someone@example.com", true, DateTimeOffset.UnixEpoch, []);
}
