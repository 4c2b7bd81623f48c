namespace Unbundled.Benchmarks.Mutations;

/// <summary>One measured run of one system.</summary>
internal sealed record LoadResult(string System, string Front, int Concurrency, Measurement Measurement)
{
    public LatencyRecorder Latency => Measurement.Latency;

    public double Throughput => Measurement.Throughput;

    public string Line() => $"  {System,-11} {Front,-6} concurrency {Concurrency,2}: {Measurement.Summary("mutations")}";
}
