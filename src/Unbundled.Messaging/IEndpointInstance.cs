namespace Unbundled.Messaging;

/// <summary>A started endpoint: a message session that can be stopped.</summary>
public interface IEndpointInstance : IMessageSession
{
    /// <summary>Stops receiving and waits for messages in flight; cancelling the token cancels their handlers.</summary>
    Task Stop(CancellationToken cancellationToken = default);
}
