namespace Unbundled.Messaging.Topology;

/// <summary>Everything one endpoint needs of the cloud, as its transport and persistence describe it.</summary>
public sealed record EndpointTopology(string Endpoint, TransportTopology Transport, PersistenceTopology Persistence)
{
    /// <summary>Every call of the endpoint, transport and persistence together, without duplicates.</summary>
    public IReadOnlyList<Grant> Grants =>
        [.. Transport.Grants.Concat(Persistence.Grants).Distinct()
            .OrderBy(grant => grant.Phase).ThenBy(grant => grant.Resource, StringComparer.Ordinal).ThenBy(grant => grant.Action, StringComparer.Ordinal)];

    /// <summary>The (action, resource) pairs called in <paramref name="phase"/>: what an IAM policy for that phase must allow, exactly.</summary>
    public IReadOnlySet<(string Action, string Resource)> Permissions(GrantPhase phase) =>
        Grants.Where(grant => grant.Phase == phase).Select(grant => (grant.Action, grant.Resource)).ToHashSet();
}
