using Unbundled.Messaging.Transport;

namespace Unbundled.Messaging.AmazonSqs.Topology;

/// <summary>What one endpoint asks of the transport, as the shell derives it from the endpoint's configuration.</summary>
/// <param name="UniquelyAddressable">The endpoint has a queue per instance (callbacks), next to its shared one.</param>
/// <param name="SendsTo">Where its commands and replies go; a discriminator of <see cref="SqsTopology.AnyInstance"/> means every instance's queue.</param>
public sealed record SqsEndpointPlan(
    string EndpointName,
    bool UniquelyAddressable,
    IReadOnlyList<Type> SubscribedEvents,
    IReadOnlyList<Type> PublishedEvents,
    IReadOnlyList<QueueAddress> SendsTo,
    string ErrorQueue,
    string? AuditQueue)
{
    /// <summary>Where its heartbeats, custom checks and metrics go (<see cref="EndpointConfiguration.ServicePlatformQueues"/>).</summary>
    public IReadOnlyList<string> ServicePlatformQueues { get; init; } = [];

    /// <summary>It runs the transport's custom checks: its queues reachable, <see cref="ErrorQueue"/> empty.</summary>
    public bool RunsCustomChecks { get; init; }
}
