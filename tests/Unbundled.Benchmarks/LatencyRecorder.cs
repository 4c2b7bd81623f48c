using System.Diagnostics;

namespace Unbundled.Benchmarks;

/// <summary>Collects latencies and reports percentiles.</summary>
internal sealed class LatencyRecorder
{
    private readonly List<double> milliseconds = [];
    private readonly Lock gate = new();

    public int Count => milliseconds.Count;

    public void Record(long startTimestamp, long endTimestamp)
    {
        var elapsed = Stopwatch.GetElapsedTime(startTimestamp, endTimestamp).TotalMilliseconds;
        lock (gate)
        {
            milliseconds.Add(elapsed);
        }
    }

    /// <summary>A latency measured elsewhere (the load client in its own process).</summary>
    public void Add(double elapsedMilliseconds)
    {
        lock (gate)
        {
            milliseconds.Add(elapsedMilliseconds);
        }
    }

    /// <summary>Every latency recorded, in milliseconds, for another process to read back.</summary>
    public IReadOnlyList<double> All()
    {
        lock (gate)
        {
            return [.. milliseconds];
        }
    }

    public double Percentile(double p)
    {
        lock (gate)
        {
            var sorted = milliseconds.Order().ToArray();
            return sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
        }
    }

    public string Summary() => $"p50 {Percentile(50):0.000} ms, p90 {Percentile(90):0.000} ms, p99 {Percentile(99):0.000} ms (n={Count})";
}
