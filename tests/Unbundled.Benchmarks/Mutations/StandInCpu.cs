using System.Globalization;
using Unbundled.LocalAws;

namespace Unbundled.Benchmarks.Mutations;

/// <summary>
/// The CPU the local stand-ins (two node processes) spend per mutation. They share the cores with the system, so a run's
/// throughput is capped by the sum of theirs and ours, not by ours alone.
/// </summary>
internal sealed class StandInCpu(LocalAwsStandIns standIns)
{
    private readonly List<string> perCall = [];

    /// <summary>What <see cref="Measure"/> found, one entry per call measured.</summary>
    public IReadOnlyList<string> PerCall => perCall;

    public (TimeSpan Fauxqs, TimeSpan Dynalite) Snapshot() => (standIns.SqsSnsProcessorTime, standIns.DynamoDbProcessorTime);

    /// <summary>Until disposed, counts the stand-ins' CPU for <paramref name="calls"/> repetitions of <paramref name="call"/>.</summary>
    public IDisposable Measure(string call, int calls) => new Measurement(this, call, calls, Snapshot());

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

    private sealed class Measurement(StandInCpu owner, string call, int calls, (TimeSpan Fauxqs, TimeSpan Dynalite) before) : IDisposable
    {
        public void Dispose()
        {
            var (fauxqs, dynalite) = owner.Snapshot();
            owner.perCall.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"{call} fauxqs {(fauxqs - before.Fauxqs).TotalMilliseconds / calls:0.000} + dynalite {(dynalite - before.Dynalite).TotalMilliseconds / calls:0.000} ms"));
        }
    }
}
