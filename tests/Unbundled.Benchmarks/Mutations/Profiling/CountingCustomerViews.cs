using Unbundled.Domain.Customers;
using Unbundled.Ports;

namespace Unbundled.Benchmarks.Mutations.Profiling;

/// <summary>The API's read model, counted: how often read-your-writes looked, and how often the customer was not there yet.</summary>
internal sealed class CountingCustomerViews(ICustomerViews inner) : ICustomerViews
{
    private long finds;
    private long misses;

    public long Finds => Interlocked.Read(ref finds);

    public long Misses => Interlocked.Read(ref misses);

    public async Task<CustomerView?> Find(Guid customerId, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref finds);
        var view = await inner.Find(customerId, cancellationToken);
        if (view is null)
        {
            Interlocked.Increment(ref misses);
        }

        return view;
    }

    public Task Save(CustomerView view, CancellationToken cancellationToken) => inner.Save(view, cancellationToken);

    public void Reset()
    {
        Interlocked.Exchange(ref finds, 0);
        Interlocked.Exchange(ref misses, 0);
    }
}
