using System.Text;
using Unbundled.Messaging.Topology;

namespace Unbundled.Shell.Topology;

/// <summary>The topology for people: per endpoint what it receives, sends, publishes and stores, and the calls it makes.</summary>
public static class TopologyText
{
    public static string Write(SystemTopology topology)
    {
        var text = new StringBuilder();
        text.AppendLine($"AWS topology (partition {topology.Arns.Partition}, region {topology.Arns.Region}, account {topology.Arns.Account})");
        foreach (var endpoint in topology.Endpoints)
        {
            var transport = endpoint.Transport;
            text.AppendLine().AppendLine(endpoint.Endpoint)
                .AppendLine($"  queues:         {List(transport.Queues.Select(queue => queue.Name))}")
                .AppendLine($"  sends to:       {List(transport.SendsTo)}")
                .AppendLine($"  ServiceControl: {List(transport.ServiceControlQueues)}")
                .AppendLine($"  publishes to:   {List(transport.PublishesTo)}")
                .AppendLine($"  subscribes to:  {List(transport.SubscribesTo)}")
                .AppendLine($"  tables:         {List(endpoint.Persistence.Tables.Select(table => table.Name))}");
            foreach (var phase in Enum.GetValues<GrantPhase>())
            {
                text.AppendLine($"  calls ({phase.ToString().ToLowerInvariant()}):");
                foreach (var resource in endpoint.Grants.Where(grant => grant.Phase == phase).GroupBy(grant => grant.Resource))
                {
                    text.AppendLine($"    {resource.Key}").AppendLine($"      {List(resource.Select(grant => grant.Action).Distinct().Order(StringComparer.Ordinal))}");
                }
            }
        }

        return text.ToString();
    }

    private static string List(IEnumerable<string> items) => string.Join(", ", items) is { Length: > 0 } list ? list : "-";
}
