namespace Unbundled.Messaging.Transport;

/// <summary>
/// How a graceful stop spends its time (docs/stopping.md). Intake ends at once; the handlers in flight get
/// <see cref="ForHandlers"/> to finish; then the token given to <see cref="IMessageReceiver.StopReceive"/> is cancelled,
/// and each receiver, then the transport's shutdown, gets up to <see cref="CleanUpTime"/> of its own to give back what is
/// unfinished, flush its batches and delete instance queues. So the whole stop stays within the shutdown timeout.
/// </summary>
public static class StopBudget
{
    /// <summary>The default of <c>Unbundled:ShutdownTimeout</c>: well within what a container orchestrator allows.</summary>
    public static readonly TimeSpan DefaultShutdownTimeout = TimeSpan.FromSeconds(5);

    /// <summary>What a receiver, and then the transport's shutdown, may take once the handlers' time is over.</summary>
    public static readonly TimeSpan CleanUpTime = TimeSpan.FromSeconds(1);

    /// <summary>How long handlers in flight may run on, out of a stop of <paramref name="shutdownTimeout"/>.</summary>
    public static TimeSpan ForHandlers(TimeSpan shutdownTimeout) =>
        shutdownTimeout - (2 * CleanUpTime) is var left && left > shutdownTimeout / 2 ? left : shutdownTimeout / 2;
}
