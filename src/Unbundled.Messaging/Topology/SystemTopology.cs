namespace Unbundled.Messaging.Topology;

/// <summary>The whole system's needs: every endpoint's, and the resources they share (each listed once).</summary>
public sealed record SystemTopology(Arns Arns, IReadOnlyList<EndpointTopology> Endpoints)
{
    public IReadOnlyList<QueueResource> Queues => Distinct(endpoint => endpoint.Transport.Queues, queue => queue.Name);

    /// <summary>The ServiceControl-side queues some endpoint sends to; ServiceControl owns them, the endpoints' installers create them.</summary>
    public IReadOnlyList<string> ServiceControlQueues => Distinct(endpoint => endpoint.Transport.ServiceControlQueues, queue => queue);

    public IReadOnlyList<string> Topics => Distinct(endpoint => endpoint.Transport.PublishesTo.Concat(endpoint.Transport.SubscribesTo), topic => topic);

    public IReadOnlyList<SubscriptionResource> Subscriptions => Distinct(endpoint => endpoint.Transport.Subscriptions, s => s.Topic + "|" + s.Queue);

    public IReadOnlyList<QueuePolicyResource> QueuePolicies => Distinct(endpoint => endpoint.Transport.QueuePolicies, p => p.Queue + "|" + p.SourceArn);

    public IReadOnlyList<TableResource> Tables => Distinct(endpoint => endpoint.Persistence.Tables, table => table.Name);

    public EndpointTopology Endpoint(string name) =>
        Endpoints.SingleOrDefault(endpoint => endpoint.Endpoint == name) ?? throw new ArgumentException($"The topology has no endpoint {name}.", nameof(name));

    private IReadOnlyList<T> Distinct<T>(Func<EndpointTopology, IEnumerable<T>> select, Func<T, string> key) =>
        [.. Endpoints.SelectMany(select).DistinctBy(key).OrderBy(key, StringComparer.Ordinal)];
}
