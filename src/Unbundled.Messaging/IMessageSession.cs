namespace Unbundled.Messaging;

/// <summary>Sends and publishes from outside a handler; each call is dispatched at once.</summary>
public interface IMessageSession
{
    Task Send(object message, SendOptions options, CancellationToken cancellationToken = default);

    Task Publish(object message, PublishOptions options, CancellationToken cancellationToken = default);

    /// <summary>
    /// Sends <paramref name="message"/> with replies routed to this instance and waits for the reply (callbacks). The wait ends
    /// with <see cref="TimeoutException"/> after the endpoint's default request timeout, or earlier when the token is cancelled.
    /// </summary>
    Task<TResponse> Request<TResponse>(object message, SendOptions options, CancellationToken cancellationToken = default);
}
