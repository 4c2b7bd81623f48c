using System.Reflection;

namespace Unbundled.Messaging;

/// <summary>Which logical endpoint receives each command: by type, by assembly, or by namespace within an assembly.</summary>
public sealed class RoutingSettings
{
    private readonly Dictionary<Type, string> byType = [];
    private readonly List<(Assembly Assembly, string? Namespace, string Endpoint)> byAssembly = [];

    public RoutingSettings RouteToEndpoint(Type messageType, string destination)
    {
        byType[messageType] = destination;
        return this;
    }

    public RoutingSettings RouteToEndpoint(Assembly assembly, string destination) => RouteToEndpoint(assembly, null, destination);

    /// <summary>Routes every message type of <paramref name="assembly"/> in <paramref name="namespace"/> (and below it).</summary>
    public RoutingSettings RouteToEndpoint(Assembly assembly, string? @namespace, string destination)
    {
        byAssembly.Add((assembly, @namespace, destination));
        return this;
    }

    /// <summary>The logical endpoint for <paramref name="messageType"/>, the most specific rule winning; null when unrouted.</summary>
    public string? EndpointFor(Type messageType)
    {
        if (byType.TryGetValue(messageType, out var endpoint))
        {
            return endpoint;
        }

        return byAssembly
            .Where(rule => rule.Assembly == messageType.Assembly && InNamespace(messageType, rule.Namespace))
            .OrderByDescending(rule => rule.Namespace?.Length ?? -1)
            .Select(rule => rule.Endpoint)
            .FirstOrDefault();
    }

    private static bool InNamespace(Type type, string? @namespace) =>
        @namespace is null
        || type.Namespace == @namespace
        || type.Namespace?.StartsWith(@namespace + ".", StringComparison.Ordinal) == true;
}
