using Microsoft.Extensions.Logging;
using Unbundled.Messaging.Callbacks;
using Unbundled.Messaging.Outbox;
using Unbundled.Messaging.InProcess;
using Unbundled.Messaging.Transport;

namespace Unbundled.Messaging.Pipeline;

internal sealed class EndpointInstance(
    MessageSession session,
    TransportInfrastructure infrastructure,
    RequestResponseStateLookup? callbacks,
    PersistenceDefinition? persistence,
    TimeSpan shutdownTimeout,
    ProcessScope? ownedProcess,
    ILogger logger) : IEndpointInstance
{
    private int stopped;

    /// <summary>Heartbeats, checks and metrics, stopped first: a stopping endpoint reports nothing more.</summary>
    public IReadOnlyList<ServicePlatform.IPlatformReporter> Reporters { get; init; } = [];

    /// <summary>Writes a cancelled handler left queued go out before the stop ends, within the clean-up time.</summary>
    private async Task PersistenceIdle()
    {
        using var cleanUp = new CancellationTokenSource(StopBudget.CleanUpTime);
        try
        {
            await (persistence?.WhenIdle() ?? Task.CompletedTask).WaitAsync(cleanUp.Token);
        }
        catch (OperationCanceledException) when (cleanUp.IsCancellationRequested)
        {
            logger.LogWarning("The endpoint stopped with writes still under way; the outbox covers what they were for");
        }
    }

    public Task Send(object message, SendOptions options, CancellationToken cancellationToken = default) =>
        session.Send(message, options, cancellationToken);

    public Task Publish(object message, PublishOptions options, CancellationToken cancellationToken = default) =>
        session.Publish(message, options, cancellationToken);

    public Task<TResponse> Request<TResponse>(object message, SendOptions options, CancellationToken cancellationToken = default) =>
        session.Request<TResponse>(message, options, cancellationToken);

    public async Task Stop(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref stopped, 1) == 1)
        {
            return;
        }

        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        using var handlers = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        handlers.CancelAfter(StopBudget.ForHandlers(shutdownTimeout));
        await Task.WhenAll(Reporters.Select(reporter => reporter.Stop()));
        await Task.WhenAll(infrastructure.Receivers.Values.Select(receiver => receiver.StopReceive(handlers.Token)));
        callbacks?.CancelAll();
        await Task.WhenAll(PersistenceIdle(), infrastructure.Shutdown(handlers.Token));
        if (ownedProcess is not null)
        {
            await ownedProcess.DisposeAsync();
        }

        logger.LogInformation("Endpoint stopped in {Elapsed:0} ms", System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }
}
