namespace Unbundled.Messaging.Transport;

/// <summary>Called for every message received; throwing hands the message to <see cref="OnError"/>.</summary>
public delegate Task OnMessage(MessageContext message, CancellationToken cancellationToken);

/// <summary>Decides what happens to a message whose processing failed.</summary>
public delegate Task<ErrorHandleResult> OnError(ErrorContext error, CancellationToken cancellationToken);

/// <summary>A receive pump for one queue.</summary>
public interface IMessageReceiver
{
    string Id { get; }

    /// <summary>The physical name of the queue.</summary>
    string ReceiveAddress { get; }

    /// <summary>Subscription management, or null when this receiver does not take part in publish/subscribe.</summary>
    ISubscriptionManager? Subscriptions { get; }

    Task Initialize(PushRuntimeSettings limitations, OnMessage onMessage, OnError onError, CancellationToken cancellationToken = default);

    Task StartReceive(CancellationToken cancellationToken = default);

    /// <summary>
    /// Stops taking new messages and waits for the ones in flight (a transport may finish a receive call already under way);
    /// cancelling the token cancels those handlers and calls.
    /// </summary>
    Task StopReceive(CancellationToken cancellationToken = default);
}
