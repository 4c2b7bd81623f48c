namespace Unbundled.Benchmarks.Mutations;

/// <summary>One measured run of one system; <see cref="ClientCpuMilliseconds"/> when its client ran in another process.</summary>
internal sealed record LoadResult(string System, string Front, int Concurrency, Measurement Measurement)
{
    public double? ClientCpuMilliseconds { get; init; }

    public LatencyRecorder Latency => Measurement.Latency;

    public double Throughput => Measurement.Throughput;

    public string Line() =>
        $"  {System,-11} {Front,-8} concurrency {Concurrency,2}: {Measurement.Summary("mutations")}"
        + (ClientCpuMilliseconds is { } client ? $", client CPU {client:0.00} ms each" : "");
}
