using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Unbundled.Messaging.Pipeline;

namespace Unbundled.Messaging.Hosting;

/// <summary>Runs endpoints on the .NET generic host, the role NServiceBus.Extensions.Hosting plays.</summary>
public static class EndpointServiceCollectionExtensions
{
    /// <summary>
    /// Runs the endpoint as a hosted service and puts its <see cref="IMessageSession"/> in DI, keyed by endpoint name, and
    /// unkeyed while it is the only endpoint of the container: once several share one, the unkeyed session would be
    /// whichever was added last, so asking for it fails and names the keys to ask for instead. Handlers are resolved from a scope per message, in which
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
        var names = EndpointsIn(services);
        names.Add(name);
        services.RemoveAll<IMessageSession>();
        services.AddSingleton<IMessageSession>(provider => names.Count == 1
            ? provider.GetRequiredKeyedService<HostedEndpoint>(name)
            : throw new InvalidOperationException(
                $"Endpoints {string.Join(", ", names)} share this container: ask for the IMessageSession of one by its name ([FromKeyedServices(\"{name}\")])."));
        return services;
    }

    /// <summary>The names of the endpoints added to <paramref name="services"/> so far.</summary>
    private static List<string> EndpointsIn(IServiceCollection services)
    {
        if (services.FirstOrDefault(descriptor => descriptor.ServiceType == typeof(EndpointNames))?.ImplementationInstance is EndpointNames existing)
        {
            return existing.Names;
        }

        var added = new EndpointNames();
        services.AddSingleton(added);
        return added.Names;
    }

    private sealed class EndpointNames
    {
        public List<string> Names { get; } = [];
    }

    public static IHostApplicationBuilder AddMessagingEndpoint(this IHostApplicationBuilder builder, EndpointConfiguration configuration)
    {
        builder.Services.AddMessagingEndpoint(configuration);
        return builder;
    }
}
