using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace Unbundled.Benchmarks.Mutations.Profiling;

/// <summary>Counts first-chance exceptions by type: each costs tens of microseconds, and none belongs on a happy path.</summary>
internal sealed class ExceptionCounter : IDisposable
{
    private readonly ConcurrentDictionary<string, long> counts = new(StringComparer.Ordinal);

    public ExceptionCounter() => AppDomain.CurrentDomain.FirstChanceException += Count;

    public void Clear() => counts.Clear();

    public string Summary(int operations) =>
        counts.IsEmpty
            ? "none"
            : string.Join(", ", counts.OrderByDescending(pair => pair.Value).Select(pair => $"{(double)pair.Value / operations:0.00} {pair.Key}"));

    public void Dispose() => AppDomain.CurrentDomain.FirstChanceException -= Count;

    private void Count(object? sender, FirstChanceExceptionEventArgs e) =>
        counts.AddOrUpdate(e.Exception.GetType().Name, 1, (_, count) => count + 1);
}
