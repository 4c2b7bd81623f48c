using System.Globalization;

namespace Unbundled.Benchmarks.Mutations;

/// <summary>After a run of every system: ours against each peer, and the targets of issue 13.</summary>
internal static class MutationsSummary
{
    public static void Print(List<LoadResult> results, MutationsOptions options)
    {
        LoadResult Find(string system, string front, int concurrency) =>
            results.Single(r => r.System == system && r.Front == front && r.Concurrency == concurrency);

        var c = options.Concurrency;
        Console.WriteLine();
        foreach (var ours in new[] { "ours", "ours-off" })
        {
            foreach (var peer in new[] { "wolverine-durable", "wolverine-invoke", "masstransit" })
            {
                foreach (var front in new[] { "http", "direct", MutationsBenchmark.ExternalFront })
                {
                    var ratio = Find(ours, front, c).Throughput / Find(peer, front, c).Throughput;
                    var ratio1 = front == MutationsBenchmark.ExternalFront ? "" : $", {Find(ours, front, 1).Throughput / Find(peer, front, 1).Throughput:0.00}x at concurrency 1";
                    Console.WriteLine($"  {ours,-8} / {peer,-17} throughput, {front,-8}: {ratio:0.00}x at concurrency {c}{ratio1}");
                }
            }
        }

        // The peers audit nothing: the targets are for ours with the platform features off, except the one with the defaults.
        var sequential = Find("ours-off", "http", 1);
        var loaded = Find("ours-off", "http", c);
        var defaults = Find("ours", "http", c);
        var served = Find("ours-off", MutationsBenchmark.ExternalFront, c);
        var durable = Find("wolverine-durable", "http", c).Throughput;
        var inline = Find("wolverine-invoke", "http", 1).Throughput;
        var inMemory = Find("masstransit", "http", c).Throughput;
        Console.WriteLine("  Targets of issue 13, over HTTP (ours-off unless said):");
        Target($">= 2.5x wolverine-durable, concurrency {c}", loaded.Throughput / durable, "x", met: loaded.Throughput >= 2.5 * durable);
        Target($"ours >= 1.5x wolverine-durable, concurrency {c}", defaults.Throughput / durable, "x", met: defaults.Throughput >= 1.5 * durable);
        Target($">= 1.0x masstransit, concurrency {c} (stretch)", loaded.Throughput / inMemory, "x", met: loaded.Throughput >= inMemory);
        Target($"CPU <= 0.25 ms per mutation, concurrency {c}", served.Measurement.CpuMilliseconds, "ms (server)", met: served.Measurement.CpuMilliseconds <= 0.25);
        Console.WriteLine($"      (the server's CPU, its client in another process, as issue 13 measured with wrk; client in process: "
            + $"{loaded.Measurement.CpuMilliseconds:0.00} ms both together)");
        Target(">= 1.0x wolverine-invoke, concurrency 1", sequential.Throughput / inline, "x", met: sequential.Throughput >= inline);
        Target("p50 <= 0.4 ms, concurrency 1", sequential.Latency.Percentile(50), "ms", met: sequential.Latency.Percentile(50) <= 0.4);
        Target("p99 <= 1.5 ms, concurrency 1", sequential.Latency.Percentile(99), "ms", met: sequential.Latency.Percentile(99) <= 1.5);
    }

    private static void Target(string target, double measured, string unit, bool met) =>
        Console.WriteLine($"    {target,-42} {measured.ToString(measured < 100 ? "0.00" : "N0", CultureInfo.InvariantCulture),8} {unit,-12} {(met ? "met" : "MISSED")}");
}
