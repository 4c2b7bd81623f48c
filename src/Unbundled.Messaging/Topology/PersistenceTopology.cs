namespace Unbundled.Messaging.Topology;

/// <summary>What a persistence needs for one endpoint: its tables and the calls it makes on them.</summary>
public sealed record PersistenceTopology(IReadOnlyList<TableResource> Tables, IReadOnlyList<Grant> Grants);
