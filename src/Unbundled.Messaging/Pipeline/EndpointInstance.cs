using Microsoft.Extensions.Logging;
using Unbundled.Messaging.Callbacks;
using Unbundled.Messaging.Transport;

namespace Unbundled.Messaging.Pipeline;

internal sealed class EndpointInstance(
    MessageSession session,
    TransportInfrastructure infrastructure,
    RequestResponseStateLookup? callbacks,
    TimeSpan shutdownTimeout,
    ILogger logger) : IEndpointInstance
{
    private int stopped;

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
        await Task.WhenAll(infrastructure.Receivers.Values.Select(receiver => receiver.StopReceive(handlers.Token)));
        callbacks?.CancelAll();
        await infrastructure.Shutdown(handlers.Token);
        logger.LogInformation("Endpoint stopped in {Elapsed:0} ms", System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }
}
