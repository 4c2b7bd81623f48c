using System.Diagnostics;
using Unbundled.Domain.Customers;
using Unbundled.Ports;

namespace Unbundled.Benchmarks.Mutations.Profiling;

/// <summary>
/// An experiment on read-your-writes without touching it: when the customer is not there yet, look again every 100 µs
/// (yielding, no timer) for up to 2 ms before answering "not yet". The API's own wait then only pauses on its timer in
/// the rare case the projection takes longer. .NET timers tick with the coarse monotonic clock (4 ms here), so a 1 ms
/// <c>Task.Delay</c> costs up to a whole tick.
/// </summary>
internal sealed class RecheckingCustomerViews(ICustomerViews inner) : ICustomerViews
{
    private static readonly TimeSpan Interval = TimeSpan.FromMicroseconds(100);
    private static readonly TimeSpan Patience = TimeSpan.FromMilliseconds(2);

    public async Task<CustomerView?> Find(Guid customerId, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var view = await inner.Find(customerId, cancellationToken);
        while (view is null && Stopwatch.GetElapsedTime(started) < Patience)
        {
            var next = Stopwatch.GetElapsedTime(started) + Interval;
            while (Stopwatch.GetElapsedTime(started) < next)
            {
                await Task.Yield();
            }

            view = await inner.Find(customerId, cancellationToken);
        }

        return view;
    }

    public Task Save(CustomerView view, CancellationToken cancellationToken) => inner.Save(view, cancellationToken);
}
