using Microsoft.Extensions.Logging;
using Unbundled.Messaging.Callbacks;
using Unbundled.Messaging.Transport;

namespace Unbundled.Messaging.Pipeline;

internal sealed class EndpointInstance(
    MessageSession session,
    TransportInfrastructure infrastructure,
    RequestResponseStateLookup? callbacks,
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

        await Task.WhenAll(infrastructure.Receivers.Values.Select(receiver => receiver.StopReceive(cancellationToken)));
        callbacks?.CancelAll();
        await infrastructure.Shutdown(cancellationToken);
        logger.LogInformation("Endpoint stopped");
    }
}
