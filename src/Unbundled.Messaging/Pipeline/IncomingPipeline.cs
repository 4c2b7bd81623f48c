using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Unbundled.Messaging.Callbacks;
using Unbundled.Messaging.Outbox;
using Unbundled.Messaging.Serialization;
using Unbundled.Messaging.Telemetry;
using Unbundled.Messaging.Transport;

namespace Unbundled.Messaging.Pipeline;

/// <summary>
/// Processes one received message: completes a waiting request, or deduplicates through the outbox, runs the handlers in a
/// DI scope and dispatches what they sent as one batch, then audits and acknowledges a ServiceControl retry.
/// </summary>
internal sealed class IncomingPipeline(
    EndpointConfiguration configuration,
    MessageTypeRegistry messageTypes,
    HandlerRegistry handlers,
    SystemJsonMessageSerializer serializer,
    OutgoingMessageFactory factory,
    IMessageDispatcher dispatcher,
    IOutboxStorage? outbox,
    RequestResponseStateLookup? callbacks,
    AuditAndAcknowledge afterProcessing,
    TimeProvider clock,
    IServiceProvider services,
    ILogger logger)
{
    public async Task Invoke(MessageContext context, CancellationToken cancellationToken)
    {
        using var activity = MessagingDiagnostics.StartProcessing(context.Headers, context.ReceiveAddress);
        var messageId = context.Headers.GetValueOrDefault(Headers.MessageId) ?? context.NativeMessageId;
        var incoming = new IncomingMessage(messageId, context.Headers, context.Body);
        var processingStarted = clock.GetUtcNow();

        // A reply a request awaited and a control message are processed without handlers; as in NServiceBus, they are
        // audited all the same (docs/servicecontrol.md).
        var handledWithoutHandlers = callbacks?.TryComplete(incoming, responseType => DeserializeReply(incoming, responseType)) == true
            || IsIgnored(incoming);
        if (handledWithoutHandlers)
        {
            // Nothing to run.
        }
        else if (outbox is null)
        {
            var operations = await InvokeHandlers(incoming, Prepare(incoming), storageSession: null, cancellationToken);
            await dispatcher.Dispatch(operations with { BackedByReceivedMessage = true }, cancellationToken);
        }
        else
        {
            await ProcessWithOutbox(outbox, incoming, context.FirstAttemptOfNewMessage, cancellationToken);
        }

        await afterProcessing.Invoke(context, incoming, processingStarted, cancellationToken);
    }

    private async Task ProcessWithOutbox(IOutboxStorage storage, IncomingMessage incoming, bool cannotHaveRecord, CancellationToken cancellationToken)
    {
        // A read saved is a read transaction saved: in WAL mode each one after a commit reads its pages anew.
        var record = cannotHaveRecord ? null : await storage.Get(incoming.MessageId, cancellationToken);
        if (record is not null)
        {
            if (!record.Dispatched)
            {
                // An earlier attempt committed but died before dispatching: release the same messages, same ids.
                await dispatcher.Dispatch(ToTransportOperations(record.Operations) with { BackedByReceivedMessage = true }, cancellationToken);
                await storage.SetAsDispatched(incoming.MessageId, cancellationToken);
            }

            logger.LogInformation("Message {MessageId} was already processed; its outgoing messages were dispatched again if needed", incoming.MessageId);
            return;
        }

        // Deserialize and find the handlers before the transaction: a storage that writes one transaction at a time (SQLite)
        // holds its lock for as short a time as possible.
        var prepared = Prepare(incoming);
        TransportOperations operations;
        await using (var transaction = await storage.BeginTransaction(cancellationToken))
        {
            operations = await InvokeHandlers(incoming, prepared, transaction.Session, cancellationToken);
            var stored = operations.UnicastOperations.Select(OutboxOperation.From)
                .Concat(operations.MulticastOperations.Select(OutboxOperation.From));
            await storage.Store(new OutboxRecord(incoming.MessageId, [.. stored]), transaction, cancellationToken);
            await transaction.Commit(cancellationToken);
        }

        // NewMessages as the handlers left it: the record was stored just now, so none was dispatched before.
        await dispatcher.Dispatch(operations with { BackedByReceivedMessage = true }, cancellationToken);
        await storage.SetAsDispatched(incoming.MessageId, cancellationToken);
    }

    /// <summary>The message deserialized and the handlers that will run it.</summary>
    private (object Message, IReadOnlyList<MessageHandler> Handlers) Prepare(IncomingMessage incoming)
    {
        var messageType = ResolveMessageType(incoming);
        var message = serializer.Deserialize(incoming.Body, messageType);
        var messageHandlers = handlers.HandlersFor(messageType);
        return messageHandlers.Count > 0
            ? (message, messageHandlers)
            : throw new NoHandlerFoundException($"No handlers could be found for message type {messageType.FullName} in {configuration.EndpointName}.");
    }

    private async Task<TransportOperations> InvokeHandlers(
        IncomingMessage incoming,
        (object Message, IReadOnlyList<MessageHandler> Handlers) prepared,
        ISynchronizedStorageSession? storageSession,
        CancellationToken cancellationToken)
    {
        var (message, messageHandlers) = prepared;
        var context = new MessageHandlerContext(incoming, factory, storageSession, cancellationToken);
        await using var scope = services.CreateAsyncScope();
        if (storageSession is not null && scope.ServiceProvider.GetService<CurrentStorageSession>() is { } current)
        {
            current.Session = storageSession;
        }

        foreach (var handler in messageHandlers)
        {
            var instance = handler.Create(scope.ServiceProvider);
            await handler.Invoke(instance, message, context);
        }

        return context.PendingOperations;
    }

    /// <summary>Control messages carry no body to handle, and a reply nobody waits for any more is only worth a log line.</summary>
    private bool IsIgnored(IncomingMessage incoming)
    {
        if (string.Equals(incoming.Headers.GetValueOrDefault(Headers.ControlMessageHeader), bool.TrueString, StringComparison.OrdinalIgnoreCase))
        {
            if (logger.IsEnabled(LogLevel.Debug))
            {
                logger.LogDebug("Control message {MessageId} ignored", incoming.MessageId);
            }

            return true;
        }

        if (callbacks is not null && RequestResponseStateLookup.IsReply(incoming.Headers)
            && (messageTypes.Resolve(incoming.Headers.GetValueOrDefault(Headers.EnclosedMessageTypes) ?? string.Empty) is not { } type
                || handlers.HandlersFor(type).Count == 0))
        {
            logger.LogWarning(
                "Reply {MessageId} to request {CorrelationId} arrived after the request ended (timed out or cancelled); dropped",
                incoming.MessageId, incoming.Headers.GetValueOrDefault(Headers.CorrelationId));
            return true;
        }

        return false;
    }

    private Type ResolveMessageType(IncomingMessage incoming)
    {
        var enclosed = incoming.Headers.GetValueOrDefault(Headers.EnclosedMessageTypes)
            ?? throw new MessageDeserializationException($"Message {incoming.MessageId} has no {Headers.EnclosedMessageTypes} header.");
        return messageTypes.Resolve(enclosed)
            ?? throw new MessageDeserializationException($"None of the message types '{enclosed}' is known to {configuration.EndpointName}.");
    }

    private object DeserializeReply(IncomingMessage incoming, Type responseType)
    {
        var enclosed = incoming.Headers.GetValueOrDefault(Headers.EnclosedMessageTypes);
        var type = enclosed is not null && messageTypes.Resolve(enclosed) is { } resolved && responseType.IsAssignableFrom(resolved)
            ? resolved
            : responseType;
        return serializer.Deserialize(incoming.Body, type);
    }

    private TransportOperations ToTransportOperations(IReadOnlyList<OutboxOperation> stored)
    {
        var unicast = new List<UnicastTransportOperation>();
        var multicast = new List<MulticastTransportOperation>();
        foreach (var operation in stored)
        {
            var message = new OutgoingMessage(operation.MessageId, new Dictionary<string, string>(operation.Headers), operation.Body);
            var properties = new DispatchProperties
            {
                DelayDeliveryWith = operation.DelayDeliveryWith,
                DoNotDeliverBefore = operation.DoNotDeliverBefore,
                // The outbox keeps the header, which NServiceBus also sets, rather than a property of its own.
                DiscardIfNotReceivedBefore = operation.Headers.TryGetValue(Headers.TimeToBeReceived, out var ttbr)
                    && TimeSpan.TryParse(ttbr, CultureInfo.InvariantCulture, out var parsed) ? parsed : null,
            };
            if (operation.Destination is { } destination)
            {
                unicast.Add(new UnicastTransportOperation(message, destination, properties));
            }
            else
            {
                var eventType = messageTypes.Resolve(operation.EventType!)
                    ?? throw new InvalidOperationException($"The stored event type {operation.EventType} is not known.");
                multicast.Add(new MulticastTransportOperation(message, eventType, properties));
            }
        }

        return new TransportOperations(unicast, multicast);
    }
}
