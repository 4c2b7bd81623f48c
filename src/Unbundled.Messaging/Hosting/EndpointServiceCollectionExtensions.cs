using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Unbundled.Messaging.Pipeline;

namespace Unbundled.Messaging.Hosting;

/// <summary>Runs endpoints on the .NET generic host, the role NServiceBus.Extensions.Hosting plays.</summary>
public static class EndpointServiceCollectionExtensions
{
    /// <summary>
    /// Runs the endpoint as a hosted service and puts its <see cref="IMessageSession"/> in DI (also keyed by endpoint name,
    /// so several endpoints can share one container). Handlers are resolved from a scope per message, in which
    /// <see cref="ISynchronizedStorageSession"/> is the message's outbox transaction.
    /// </summary>
    public static IServiceCollection AddMessagingEndpoint(this IServiceCollection services, EndpointConfiguration configuration)
    {
        var name = configuration.EndpointName;
        services.TryAddScoped<CurrentStorageSession>();
        services.TryAddScoped(provider => provider.GetRequiredService<CurrentStorageSession>().Session
            ?? throw new InvalidOperationException("No storage session: the endpoint needs a persistence with the outbox enabled."));
        // The configuration itself, so that what the host runs can be described (the topology) without starting it.
        services.AddSingleton(configuration);
        services.AddKeyedSingleton(name, (provider, _) => new HostedEndpoint(configuration, provider));
        services.AddSingleton<IHostedService>(provider => provider.GetRequiredKeyedService<HostedEndpoint>(name));
        services.AddKeyedSingleton<IMessageSession>(name, (provider, _) => provider.GetRequiredKeyedService<HostedEndpoint>(name));
        services.AddSingleton<IMessageSession>(provider => provider.GetRequiredKeyedService<HostedEndpoint>(name));
        return services;
    }

    public static IHostApplicationBuilder AddMessagingEndpoint(this IHostApplicationBuilder builder, EndpointConfiguration configuration)
    {
        builder.Services.AddMessagingEndpoint(configuration);
        return builder;
    }
}
