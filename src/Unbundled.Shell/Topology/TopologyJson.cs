using System.Text.Json;
using System.Text.Json.Nodes;
using Unbundled.Messaging.Topology;

namespace Unbundled.Shell.Topology;

/// <summary>The topology as JSON, in the shape docs/topology.md describes: stable order, grants grouped by resource.</summary>
public static class TopologyJson
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static string Write(SystemTopology topology) => new JsonObject
    {
        ["partition"] = topology.Arns.Partition,
        ["region"] = topology.Arns.Region,
        ["account"] = topology.Arns.Account,
        ["endpoints"] = new JsonArray([.. topology.Endpoints.Select(Endpoint)]),
        ["queues"] = Serialize(topology.Queues),
        ["serviceControlQueues"] = Serialize(topology.ServiceControlQueues),
        ["topics"] = Serialize(topology.Topics),
        ["subscriptions"] = Serialize(topology.Subscriptions),
        ["queuePolicies"] = Serialize(topology.QueuePolicies),
        ["tables"] = Serialize(topology.Tables),
    }.ToJsonString(Options);

    private static JsonObject Endpoint(EndpointTopology endpoint) => new()
    {
        ["name"] = endpoint.Endpoint,
        ["queues"] = Serialize(endpoint.Transport.Queues.Select(queue => queue.Name)),
        ["sendsTo"] = Serialize(endpoint.Transport.SendsTo),
        ["serviceControlQueues"] = Serialize(endpoint.Transport.ServiceControlQueues),
        ["publishesTo"] = Serialize(endpoint.Transport.PublishesTo),
        ["subscribesTo"] = Serialize(endpoint.Transport.SubscribesTo),
        ["tables"] = Serialize(endpoint.Persistence.Tables.Select(table => table.Name)),
        ["runtime"] = Grants(endpoint, GrantPhase.Runtime),
        ["installers"] = Grants(endpoint, GrantPhase.Installers),
    };

    /// <summary>One entry per resource: the actions called on it and the components that call them.</summary>
    private static JsonArray Grants(EndpointTopology endpoint, GrantPhase phase) => new([.. endpoint.Grants
        .Where(grant => grant.Phase == phase)
        .GroupBy(grant => grant.Resource)
        .Select(resource => new JsonObject
        {
            ["resource"] = resource.Key,
            ["actions"] = Serialize(resource.Select(grant => grant.Action).Distinct().Order(StringComparer.Ordinal)),
            ["by"] = Serialize(resource.Select(grant => grant.By).Distinct().Order(StringComparer.Ordinal)),
        })]);

    private static JsonNode? Serialize<T>(IEnumerable<T> values) => JsonSerializer.SerializeToNode(values.ToList(), Options);
}
