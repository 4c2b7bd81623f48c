namespace Unbundled.Messaging.Topology;

/// <summary>What a transport needs for one endpoint: its queues, where it sends and publishes, its subscriptions, and the calls it makes.</summary>
/// <param name="SendsTo">Queues it sends commands and replies to (names, or patterns ending in <c>*</c>).</param>
/// <param name="ServiceControlQueues">The queues of the ServiceControl side it sends to: <c>error</c>, and <c>audit</c> when it audits.</param>
public sealed record TransportTopology(
    IReadOnlyList<QueueResource> Queues,
    IReadOnlyList<string> SendsTo,
    IReadOnlyList<string> ServiceControlQueues,
    IReadOnlyList<string> PublishesTo,
    IReadOnlyList<string> SubscribesTo,
    IReadOnlyList<SubscriptionResource> Subscriptions,
    IReadOnlyList<QueuePolicyResource> QueuePolicies,
    IReadOnlyList<Grant> Grants);
