using Amazon;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Unbundled.Messaging.AmazonSqs.Topology;
using Unbundled.Messaging.Topology;
using Unbundled.Messaging.Transport;
using Unbundled.Persistence.DynamoDB.Topology;

namespace Unbundled.Shell.Topology;

/// <summary>
/// What the system needs of AWS, derived from the endpoints as their hosts composed them (handlers, routes, callbacks,
/// declared messages, the ports their components take) and described by the transport and the persistence. See docs/topology.md.
/// </summary>
public static class ShellTopology
{
    /// <summary>Describes the endpoints registered in <paramref name="hosts"/>, composed with <see cref="ShellOptions.DescribeOnlyKey"/> on.</summary>
    public static SystemTopology Describe(IEnumerable<IServiceCollection> hosts, IConfiguration configuration)
    {
        var shell = ShellOptions.From(configuration);
        var transport = AwsShell.Transport(shell, standIns: null, receiveWait: TimeSpan.FromSeconds(2));
        var arns = ArnsFor(configuration["AWS_REGION"] ?? configuration["AWS_DEFAULT_REGION"]);
        var endpoints = DescribedEndpoint.In(hosts);
        return new SystemTopology(arns, [.. endpoints.OrderBy(e => e.Name, StringComparer.Ordinal).Select(endpoint => new EndpointTopology(
            endpoint.Name,
            SqsTopology.Describe(transport, Plan(endpoint, endpoints), arns),
            DynamoDbTopology.Describe(shell.TableName, arns, endpoint.Configuration.OutboxEnabled, PortUsage.Of(endpoint), customChecks: true)))]);
    }

    /// <summary>ARNs in the region's partition (aws, aws-cn, aws-us-gov); placeholders where the region is not configured.</summary>
    public static Arns ArnsFor(string? region) => region is { Length: > 0 }
        ? new Arns(RegionEndpoint.GetBySystemName(region).PartitionName, region, Arns.AnyAccount)
        : new Arns(Arns.AnyPartition, Arns.AnyRegion, Arns.AnyAccount);

    private static SqsEndpointPlan Plan(DescribedEndpoint endpoint, IReadOnlyList<DescribedEndpoint> all)
    {
        var configuration = endpoint.Configuration;
        var sends = endpoint.Declared.Sends.Select(command => new QueueAddress(configuration.Routing.EndpointFor(command)
            ?? throw new InvalidOperationException($"Endpoint {endpoint.Name} declares it sends {command.FullName}, which has no route.")));
        var replies = endpoint.Declared.Replies.Count == 0
            ? []
            : all.Where(sender => sender.SendsTo(endpoint))
                .Select(sender => new QueueAddress(sender.Name, sender.RepliesGoToInstances ? SqsTopology.AnyInstance : null));
        return new SqsEndpointPlan(
            endpoint.Name,
            configuration.InstanceDiscriminator is not null,
            [.. configuration.HandledMessageTypes.Where(configuration.Conventions.IsEventType)],
            [.. endpoint.Declared.Publishes],
            [.. sends.Concat(replies)],
            configuration.ErrorQueue,
            configuration.AuditQueue)
        {
            ServicePlatformQueues = configuration.ServicePlatformQueues,
            // The ECS hosts run the shell's checks (Checks.ShellChecks) whether or not ServiceControl is told: they feed /health.
            RunsCustomChecks = true,
        };
    }
}
