using Unbundled.Benchmarks.Transport.Commands;

namespace Unbundled.Benchmarks.Transport;

/// <summary>One endpoint of a transport under test, sending <see cref="Ping"/>s to itself, and what its handler saw.</summary>
internal interface IPingRig : IAsyncDisposable
{
    PingTracker Tracker { get; }

    /// <summary>The last sequence number used, so each run sends new ones.</summary>
    long Sequence { get; set; }

    Task SendLocal(Ping ping);
}
