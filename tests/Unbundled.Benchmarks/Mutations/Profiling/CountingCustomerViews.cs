using Unbundled.Domain.Customers;
using Unbundled.Ports;

namespace Unbundled.Benchmarks.Mutations.Profiling;

/// <summary>How often read-your-writes looked, and how often the customer was not there yet: one per system, shared by the scopes.</summary>
internal sealed class ReadModelReads
{
    private long finds;
    private long misses;

    public long Finds => Interlocked.Read(ref finds);

    public long Misses => Interlocked.Read(ref misses);

    public void Counted(bool found)
    {
        Interlocked.Increment(ref finds);
        if (!found)
        {
            Interlocked.Increment(ref misses);
        }
    }

    public void Reset()
    {
        Interlocked.Exchange(ref finds, 0);
        Interlocked.Exchange(ref misses, 0);
    }
}

/// <summary>The API's read model (scoped, like the one it wraps), counted in <see cref="ReadModelReads"/>.</summary>
internal sealed class CountingCustomerViews(ICustomerViews inner, ReadModelReads reads) : ICustomerViews
{
    public async Task<CustomerView?> Find(Guid customerId, CancellationToken cancellationToken)
    {
        var view = await inner.Find(customerId, cancellationToken);
        reads.Counted(view is not null);
        return view;
    }

    public Task Save(CustomerView view, CancellationToken cancellationToken) => inner.Save(view, cancellationToken);
}
