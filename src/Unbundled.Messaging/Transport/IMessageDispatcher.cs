namespace Unbundled.Messaging.Transport;

/// <summary>Sends and publishes a batch of operations; transports batch per destination where they can.</summary>
public interface IMessageDispatcher
{
    Task Dispatch(TransportOperations operations, CancellationToken cancellationToken = default);
}
