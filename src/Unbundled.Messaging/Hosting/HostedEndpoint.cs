using Microsoft.Extensions.Hosting;

namespace Unbundled.Messaging.Hosting;

/// <summary>Runs an endpoint for the lifetime of the host and serves as its message session.</summary>
internal sealed class HostedEndpoint(EndpointConfiguration configuration, IServiceProvider services) : IHostedService, IMessageSession
{
    private IEndpointInstance? instance;

    public async Task StartAsync(CancellationToken cancellationToken) =>
        instance = await Endpoint.Start(configuration, services, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => instance?.Stop(cancellationToken) ?? Task.CompletedTask;

    public Task Send(object message, SendOptions options, CancellationToken cancellationToken = default) =>
        Started.Send(message, options, cancellationToken);

    public Task Publish(object message, PublishOptions options, CancellationToken cancellationToken = default) =>
        Started.Publish(message, options, cancellationToken);

    public Task<TResponse> Request<TResponse>(object message, SendOptions options, CancellationToken cancellationToken = default) =>
        Started.Request<TResponse>(message, options, cancellationToken);

    private IEndpointInstance Started => instance
        ?? throw new InvalidOperationException($"Endpoint {configuration.EndpointName} has not started yet; the host starts it.");
}
