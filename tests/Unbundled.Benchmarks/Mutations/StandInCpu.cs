using System.Globalization;
using Unbundled.LocalAws;

namespace Unbundled.Benchmarks.Mutations;

/// <summary>
/// The CPU the local stand-ins (two node processes) spend per mutation. They share the cores with the system, so a run's
/// throughput is capped by the sum of theirs and ours, not by ours alone.
/// </summary>
internal sealed class StandInCpu(LocalAwsStandIns standIns)
{
    public (TimeSpan Fauxqs, TimeSpan Dynalite) Snapshot() => (standIns.SqsSnsProcessorTime, standIns.DynamoDbProcessorTime);

    public string PerMutation((TimeSpan Fauxqs, TimeSpan Dynalite) before, int mutations, double ourMilliseconds)
    {
        var fauxqs = (standIns.SqsSnsProcessorTime - before.Fauxqs).TotalMilliseconds / mutations;
        var dynalite = (standIns.DynamoDbProcessorTime - before.Dynalite).TotalMilliseconds / mutations;
        var total = ourMilliseconds + fauxqs + dynalite;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"CPU per mutation: ours {ourMilliseconds:0.00} ms + fauxqs {fauxqs:0.00} ms + dynalite {dynalite:0.00} ms = {total:0.00} ms "
            + $"({Environment.ProcessorCount} cores allow {Environment.ProcessorCount * 1000 / total:N0} mutations/s)");
    }
}
