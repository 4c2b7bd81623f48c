namespace Unbundled.Messaging.Transport;

/// <summary>
/// The seam every transport plugs in behind: it turns logical addresses into physical queue names and starts the
/// infrastructure (dispatcher and receivers) an endpoint needs.
/// </summary>
public abstract class TransportDefinition
{
    /// <summary>Whether the transport can hold a message back until a later time (delayed retries need it).</summary>
    public virtual bool SupportsDelayedDelivery => true;

    /// <summary>The physical queue name for a logical address; must be idempotent (a physical name maps to itself).</summary>
    public abstract string ToTransportAddress(QueueAddress address);

    public abstract Task<TransportInfrastructure> Initialize(
        HostSettings hostSettings,
        IReadOnlyList<ReceiveSettings> receivers,
        IReadOnlyList<string> sendingAddresses,
        CancellationToken cancellationToken = default);

    /// <summary>Opens the queues for an operator (browse, take out, count); transports that cannot say so.</summary>
    public virtual Task<IQueueOperations> OpenQueueOperations(HostSettings hostSettings, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException($"{GetType().Name} cannot browse its queues.");
}
