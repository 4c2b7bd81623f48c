using Unbundled.Messaging.Callbacks;
using Unbundled.Messaging.Telemetry;
using Unbundled.Messaging.Transport;

namespace Unbundled.Messaging.Pipeline;

/// <summary>Sends and publishes outside a handler: every call is dispatched at once.</summary>
internal sealed class MessageSession(
    EndpointConfiguration configuration,
    OutgoingMessageFactory factory,
    IMessageDispatcher dispatcher,
    RequestResponseStateLookup? callbacks) : IMessageSession
{
    public Task Send(object message, SendOptions options, CancellationToken cancellationToken = default) =>
        Send(message, options, idMadeHere: options.GetMessageId() is null, cancellationToken);

    public async Task Publish(object message, PublishOptions options, CancellationToken cancellationToken = default)
    {
        using var activity = MessagingDiagnostics.StartOutgoing(MessageIntent.Publish, message.GetType(), message.GetType().FullName!);
        var operation = factory.CreatePublish(message, options, incoming: null);
        await dispatcher.Dispatch(new TransportOperations([], [operation]) { NewMessages = options.GetMessageId() is null }, cancellationToken);
    }

    public async Task<TResponse> Request<TResponse>(object message, SendOptions options, CancellationToken cancellationToken = default)
    {
        if (callbacks is null)
        {
            throw new InvalidOperationException(
                "Request needs EnableCallbacks() and MakeInstanceUniquelyAddressable(...) on the endpoint configuration.");
        }

        if (options.ExplicitReplyTo is null)
        {
            options.RouteReplyToThisInstance();
        }

        var idMadeHere = options.MessageId is null;
        var messageId = options.MessageId ?? Guid.CreateVersion7().ToString();
        options.SetMessageId(messageId);
        var request = callbacks.Register(messageId, typeof(TResponse));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(configuration.DefaultRequestTimeout);
        try
        {
            await Send(message, options, idMadeHere, cancellationToken);
            return (TResponse)await request.Completion.Task.WaitAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException(
                $"No reply to {message.GetType().Name} {messageId} within {configuration.DefaultRequestTimeout.TotalSeconds:0.###} s.");
        }
        finally
        {
            // Answered, timed out, cancelled or failed to send: nothing stays behind in the table.
            callbacks.Remove(messageId);
        }
    }

    /// <summary><paramref name="idMadeHere"/>: the message is new, so a receiver need not look for its outbox record.</summary>
    private async Task Send(object message, SendOptions options, bool idMadeHere, CancellationToken cancellationToken)
    {
        using var activity = MessagingDiagnostics.StartOutgoing(MessageIntent.Send, message.GetType(), options.ExplicitDestination ?? "routed");
        await dispatcher.Dispatch(new TransportOperations(factory.CreateSend(message, options, incoming: null)) { NewMessages = idMadeHere }, cancellationToken);
    }
}
