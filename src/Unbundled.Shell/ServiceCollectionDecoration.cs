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
        var create = InnerFactory(registration);
        services.Add(ServiceDescriptor.Describe(
            typeof(TService), provider => decorate((TService)create(provider)), registration.Lifetime));
    }

    /// <summary>
    /// How the decorated registration is built, worked out once: a scoped service (the views, the claims) is resolved
    /// per message and request, and <c>ActivatorUtilities.CreateInstance</c> looks its constructor up by reflection
    /// every time.
    /// </summary>
    private static Func<IServiceProvider, object> InnerFactory(ServiceDescriptor registration)
    {
        if (registration.ImplementationFactory is { } factory)
        {
            return factory;
        }

        if (registration.ImplementationInstance is { } instance)
        {
            return _ => instance;
        }

        var type = registration.ImplementationType!;
        var constructors = type.GetConstructors();
        if (constructors.Length == 1)
        {
            var compiled = ActivatorUtilities.CreateFactory(type, Type.EmptyTypes);
            return provider => compiled(provider, null);
        }

        // Several public constructors (LoggerFactory has six): CreateFactory refuses to choose among them, while
        // CreateInstance picks the one the provider can satisfy. Such services are singletons here, built once.
        return provider => ActivatorUtilities.CreateInstance(provider, type);
    }
}
