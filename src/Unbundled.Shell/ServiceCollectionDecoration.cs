using Microsoft.Extensions.DependencyInjection;

namespace Unbundled.Shell;

public static class ServiceCollectionDecoration
{
    /// <summary>Wraps the registered <typeparamref name="TService"/> in a decorator, keeping its lifetime.</summary>
    public static void Decorate<TService>(this IServiceCollection services, Func<TService, TService> decorate)
        where TService : class
    {
        var registration = services.Last(descriptor => descriptor.ServiceType == typeof(TService));
        services.Remove(registration);
        services.Add(ServiceDescriptor.Describe(
            typeof(TService),
            provider => decorate((TService)(registration.ImplementationFactory?.Invoke(provider)
                ?? registration.ImplementationInstance
                ?? ActivatorUtilities.CreateInstance(provider, registration.ImplementationType!))),
            registration.Lifetime));
    }
}
