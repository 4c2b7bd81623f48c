namespace Unbundled.Messaging.Transport;

/// <summary>A started transport: one dispatcher and one receiver per <see cref="ReceiveSettings"/>.</summary>
public abstract class TransportInfrastructure
{
    public required IMessageDispatcher Dispatcher { get; init; }

    public required IReadOnlyDictionary<string, IMessageReceiver> Receivers { get; init; }

    /// <summary>Releases connections and, where the transport does so, deletes instance-specific queues.</summary>
    public abstract Task Shutdown(CancellationToken cancellationToken = default);
}
