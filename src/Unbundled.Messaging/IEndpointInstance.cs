namespace Unbundled.Messaging;

/// <summary>A started endpoint: a message session that can be stopped.</summary>
public interface IEndpointInstance : IMessageSession
{
    /// <summary>
    /// Stops receiving at once and waits for the messages in flight, within the configuration's shutdown timeout
    /// (<see cref="EndpointConfiguration.StopWithin"/>); cancelling the token cancels their handlers sooner. What is not
    /// finished then goes back to its queue.
    /// </summary>
    Task Stop(CancellationToken cancellationToken = default);
}
