namespace Unbundled.Benchmarks.Mutations;

/// <summary>
/// What one run measured: each operation's latency, the throughput, the process's CPU time per operation (all systems and
/// the client share the process, so this is the whole cost of an operation on this machine), the bytes allocated per
/// operation (unlike CPU time, a neighbour on the machine does not move it, so two builds compare even on a busy day),
/// the thread pool's peak thread count and mean queue length, which show when blocking calls starve it, and how many
/// methods the JIT compiled meanwhile (its background thread's CPU counts too).
/// </summary>
internal sealed record Measurement(
    LatencyRecorder Latency, double Throughput, double CpuMilliseconds, double AllocatedKilobytes, int PeakThreads, double MeanQueued, long JitCompiled)
{
    public string Summary(string unit) =>
        $"{Latency.Summary()}, {Throughput,7:N0} {unit}/s, CPU {CpuMilliseconds:0.00} ms each, alloc {AllocatedKilobytes:0.0} KB each, " +
        $"pool {PeakThreads} threads / {MeanQueued:0} queued, jit {JitCompiled}";
}
