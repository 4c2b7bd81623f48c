namespace Unbundled.Messaging.Topology;

/// <summary>A table a persistence uses: its key schema and the attribute TTL expires items by.</summary>
public sealed record TableResource(string Name, string HashKey, string RangeKey, string TimeToLiveAttribute);
