namespace Unbundled.Messaging.Transport;

/// <summary>What one dispatch sends: the unit a handler's outgoing messages are released in.</summary>
public sealed record TransportOperations(
    IReadOnlyList<UnicastTransportOperation> UnicastOperations,
    IReadOnlyList<MulticastTransportOperation> MulticastOperations)
{
    public TransportOperations(params UnicastTransportOperation[] unicast)
        : this(unicast, [])
    {
    }

    public bool IsEmpty => UnicastOperations.Count == 0 && MulticastOperations.Count == 0;
}
