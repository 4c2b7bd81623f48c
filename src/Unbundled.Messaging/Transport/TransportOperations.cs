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

    /// <summary>
    /// True when these are a received message's outgoing messages and that message stays unacknowledged until
    /// <see cref="IMessageDispatcher.Dispatch"/> returns. A crash before then redelivers it, and the outbox (or the
    /// handlers, run again) sends the same messages again, so a transport may deliver them to a receiver in its own process
    /// straight from memory, with no durable copy of its own, as long as it returns only once they are processed or stored.
    /// </summary>
    public bool BackedByReceivedMessage { get; init; }

    /// <summary>
    /// True when the messages were made by this processing (or session), with ids made here, and never dispatched
    /// before: a receiver that takes one straight from memory may process its first attempt without looking up an
    /// outbox record, which cannot exist yet (docs/outbox.md). False for a dispatch again from an outbox record, and
    /// when an id was chosen by hand or forwarded.
    /// </summary>
    public bool NewMessages { get; init; }
}
