using Unbundled.Messaging.Topology;

namespace Unbundled.Terraform.Tests.Infrastructure;

/// <summary>
/// Where terraform and the code's topology disagree: every queue, topic, subscription, queue policy and table, and each
/// task role's and function role's grants, and the Lambda functions' event source mappings, in both directions. One line per difference, saying what to change.
/// </summary>
internal static class Drift
{
    public static IReadOnlyList<string> Between(TerraformConfiguration configuration, SystemTopology topology)
    {
        var values = new TerraformValues(configuration);
        var terraform = new TerraformResources(configuration, values);
        var differences = new List<string>();
        Compare(differences, "queue", terraform.Queues(), topology.Queues.Where(q => !q.InstanceSpecific).Select(TerraformResources.Describe)
            
            // ServiceControl's own queues are terraform's only with create_servicecontrol_queues: compared through the grants alone.
            .Concat(topology.ServiceControlQueues.Where(name => !TerraformResources.IsServiceControlPlatformQueue(name))
                .Select(name => TerraformResources.Describe(new QueueResource(name, false, 0, 0, false)))));
        Compare(differences, "topic", terraform.Topics(), topology.Topics);
        Compare(differences, "subscription", terraform.Subscriptions(), topology.Subscriptions.Select(TerraformResources.Describe));
        Compare(differences, "queue policy", terraform.QueuePolicies(), topology.QueuePolicies.Select(TerraformResources.Describe));
        Compare(differences, "table", terraform.Tables(), topology.Tables.Select(TerraformResources.Describe));

        var roles = configuration.StringMap("endpoint_queues");
        foreach (var endpoint in topology.Endpoints)
        {
            var input = endpoint.Transport.Queues[0].Name;
            var role = roles.SingleOrDefault(entry => CodeTopology.Prefix + entry.Value == input).Key;
            if (role is null)
            {
                differences.Add($"endpoint {endpoint.Endpoint}: the code runs it, but terraform has no deployable for it (local.endpoint_queues has no {input}).");
                continue;
            }

            var granted = new RolePolicy(configuration, values, role).Allowed.Select(Describe);
            Compare(differences, $"grant of task role \"{role}\" ({endpoint.Endpoint}):", granted, endpoint.Permissions(GrantPhase.Runtime).Select(Describe));
            var function = new RolePolicy(configuration, values, role, "function").Allowed.Select(Describe);
            Compare(differences, $"grant of function role \"{role}\" ({endpoint.Endpoint}):", function, LambdaGrants.Expected(topology, endpoint, role).Select(Describe));
        }

        var mappings = configuration.Instances(configuration.Resource("aws_lambda_event_source_mapping", "endpoint"))
            .Select(mapping => $"{mapping.Key} from {values.Resolve(mapping.Text("event_source_arn")!, mapping.Key).Single()}");
        var fed = topology.Endpoints.Where(endpoint => LambdaGrants.IsMapped(topology, endpoint))
            .Select(endpoint => $"{roles.SingleOrDefault(entry => CodeTopology.Prefix + entry.Value == endpoint.Transport.Queues[0].Name).Key} from {topology.Arns.Queue(endpoint.Transport.Queues[0].Name)}");
        Compare(differences, "event source mapping", mappings, fed);

        foreach (var role in roles.Values.Where(queue => topology.Endpoints.All(e => e.Transport.Queues[0].Name != CodeTopology.Prefix + queue)))
        {
            differences.Add($"deployable {role}: terraform runs it, but no endpoint of the code receives from it.");
        }

        return differences;
    }

    private static string Describe((string Action, string Resource) grant) => $"{grant.Action} on {grant.Resource}";

    private static void Compare(List<string> differences, string what, IEnumerable<string> terraform, IEnumerable<string> code)
    {
        var inTerraform = terraform.ToHashSet(StringComparer.Ordinal);
        var inCode = code.ToHashSet(StringComparer.Ordinal);
        differences.AddRange(inCode.Except(inTerraform).Order(StringComparer.Ordinal)
            .Select(item => $"{what} {item}: the code needs it (see `topology`), but terraform does not have it."));
        differences.AddRange(inTerraform.Except(inCode).Order(StringComparer.Ordinal)
            .Select(item => $"{what} {item}: terraform has it, but nothing in the code needs it."));
    }
}
