using Unbundled.Ports;

namespace Unbundled.Shell.Topology;

/// <summary>
/// Which ports an endpoint's components take: the constructor parameters of its handlers and of the services its host
/// registers by type. What a component takes is what it can call, so the read-only <see cref="IReadCustomerViews"/> is
/// granted reads alone. An implementation of a port (or a decorator of one) is not its user.
/// </summary>
internal static class PortUsage
{
    private static readonly string PortsNamespace = typeof(IEmailClaims).Namespace!;

    public static IReadOnlyList<Type> Of(DescribedEndpoint endpoint) =>
        [.. endpoint.Configuration.HandlerTypes
            .Concat(endpoint.Services.Select(descriptor => descriptor.ImplementationType).OfType<Type>())
            .Distinct()
            .SelectMany(type => type.GetConstructors().SelectMany(constructor => constructor.GetParameters())
                .Select(parameter => parameter.ParameterType)
                .Where(parameter => parameter.IsInterface && parameter.Namespace == PortsNamespace && !parameter.IsAssignableFrom(type)))
            .Distinct()
            .OrderBy(type => type.FullName, StringComparer.Ordinal)];
}
