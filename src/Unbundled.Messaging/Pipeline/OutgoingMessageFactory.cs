using System.Diagnostics;
using System.Globalization;
using Unbundled.Messaging.Serialization;
using Unbundled.Messaging.Telemetry;
using Unbundled.Messaging.Topology;
using Unbundled.Messaging.Transport;

namespace Unbundled.Messaging.Pipeline;

/// <summary>Turns a send, publish or reply into a transport operation with every NServiceBus header (docs/wire-format.md §2.1).</summary>
internal sealed class OutgoingMessageFactory(
    EndpointIdentity endpoint,
    EndpointConfiguration configuration,
    MessageTypeRegistry messageTypes,
    SystemJsonMessageSerializer serializer,
    TransportDefinition transport,
    TimeProvider clock)
{
    /// <summary>The NServiceBus core version whose wire format we speak; ServiceControl and callbacks gate features on it.</summary>
    public const string WireVersion = "9.2.3";

    private readonly DeclaredMessages? declared = configuration.RequiresDeclaredMessages ? DeclaredMessages.Of(configuration) : null;

    public UnicastTransportOperation CreateSend(object message, SendOptions options, IncomingMessage? incoming)
    {
        var messageType = message.GetType();
        // Before routing: a type no convention makes a message would otherwise be told to get a route it cannot use.
        EnsureMessageType(messageType);
        if (configuration.Conventions.IsEventType(messageType))
        {
            throw new InvalidOperationException($"{messageType.FullName} is an event: publish it instead of sending it.");
        }

        EnsureDeclared(declared?.Sends, messageType, "sends", "endpoint.Sends<T>() or [Sends(typeof(T))] on the handler");

        var destination = DestinationOf(messageType, options);
        var headers = CreateHeaders(MessageIntent.Send, options, incoming);
        if (ReplyAddressOf(options) is { } replyTo)
        {
            headers[Headers.ReplyToAddress] = replyTo;
        }

        if (options.CorrelationId is { } correlationId)
        {
            headers[Headers.CorrelationId] = correlationId;
        }

        var properties = new DispatchProperties
        {
            DelayDeliveryWith = options.Delay, DoNotDeliverBefore = options.DeliverAt, DiscardIfNotReceivedBefore = options.TimeToBeReceived,
        };
        if (options.Delay is not null || options.DeliverAt is not null)
        {
            if (options.TimeToBeReceived is not null)
            {
                // As in NServiceBus: the clock of a time-to-be-received would run while the message waits for its delay.
                throw new InvalidOperationException("A message with a time-to-be-received cannot be delayed: remove one of the two.");
            }

            headers[Headers.DeliverAt] = WireDate.ToWireFormattedString(options.DeliverAt ?? clock.GetUtcNow() + options.Delay!.Value);
        }

        if (options.TimeToBeReceived is { } timeToBeReceived)
        {
            headers[Headers.TimeToBeReceived] = timeToBeReceived.ToString();
        }

        return new UnicastTransportOperation(Serialize(message, headers), destination, properties);
    }

    public MulticastTransportOperation CreatePublish(object message, PublishOptions options, IncomingMessage? incoming)
    {
        var messageType = message.GetType();
        if (!configuration.Conventions.IsEventType(messageType))
        {
            throw new InvalidOperationException($"{messageType.FullName} is not an event: only events can be published.");
        }

        EnsureDeclared(declared?.Publishes, messageType, "publishes", "endpoint.Publishes<T>() or [Publishes(typeof(T))] on the handler");

        var headers = CreateHeaders(MessageIntent.Publish, options, incoming);
        return new MulticastTransportOperation(Serialize(message, headers), messageType, DispatchProperties.None);
    }

    public UnicastTransportOperation CreateReply(object message, ReplyOptions options, IncomingMessage incoming)
    {
        var destination = options.ExplicitDestination ?? incoming.ReplyToAddress
            ?? throw new InvalidOperationException($"Message {incoming.MessageId} has no {Headers.ReplyToAddress} header to reply to.");
        var messageType = message.GetType();
        EnsureDeclared(declared?.Replies, messageType, "replies", "[RepliesWith(typeof(T))] on the handler");
        var headers = CreateHeaders(MessageIntent.Reply, options, incoming);
        if (messageType.IsEnum || message is int or short or long)
        {
            // Callbacks carry numeric and enum replies as bodiless control messages (docs/wire-format.md §5).
            headers[Headers.ReturnMessageErrorCodeHeader] = Convert.ToInt64(message, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);
            headers[Headers.ControlMessageHeader] = bool.TrueString;
            return new UnicastTransportOperation(new OutgoingMessage(headers[Headers.MessageId], headers, ReadOnlyMemory<byte>.Empty), destination, DispatchProperties.None);
        }

        if (configuration.Conventions.IsEventType(messageType) || configuration.Conventions.IsCommandType(messageType))
        {
            // NServiceBus's messaging best practices: commands go to their owner, events are published, replies are messages.
            throw new InvalidOperationException($"{messageType.FullName} is a command or event: reply with a plain message.");
        }

        return new UnicastTransportOperation(Serialize(message, headers), destination, DispatchProperties.None);
    }

    /// <summary>The incoming message as it is: same id, headers and body.</summary>
    public static UnicastTransportOperation CreateForward(IncomingMessage incoming, string destination) => new(
        new OutgoingMessage(incoming.MessageId, new Dictionary<string, string>(incoming.Headers), incoming.Body),
        destination,
        DispatchProperties.None);

    private Dictionary<string, string> CreateHeaders(MessageIntent intent, ExtendableOptions options, IncomingMessage? incoming)
    {
        var messageId = options.MessageId ?? Guid.CreateVersion7().ToString();
        // Sized for every header a message gets (about 16), so that the table is not grown three times on the way.
        var headers = new Dictionary<string, string>(options.OutgoingHeaders.Count + 16, StringComparer.Ordinal);
        foreach (var (name, value) in options.OutgoingHeaders)
        {
            headers[name] = value;
        }

        headers[Headers.MessageId] = messageId;
        headers[Headers.MessageIntent] = intent.ToString();
        headers[Headers.TimeSent] = WireDate.ToWireFormattedString(clock.GetUtcNow());
        headers[Headers.NServiceBusVersion] = WireVersion;
        headers[Headers.OriginatingEndpoint] = endpoint.Name;
        headers[Headers.OriginatingMachine] = endpoint.Host.MachineName;
        headers[Headers.OriginatingHostId] = endpoint.Host.HostId;

        if (incoming is not null)
        {
            headers[Headers.RelatedTo] = incoming.MessageId;
            headers[Headers.CorrelationId] = incoming.CorrelationId;
            if (incoming.ConversationId is { } conversationId)
            {
                if (options.OutgoingHeaders.TryGetValue(Headers.ConversationId, out var requested) && requested != conversationId)
                {
                    throw new InvalidOperationException("A message sent from a handler stays in the incoming message's conversation.");
                }

                headers[Headers.ConversationId] = conversationId;
            }
        }
        else
        {
            headers[Headers.CorrelationId] = messageId;
        }

        headers.TryAdd(Headers.ConversationId, Guid.CreateVersion7().ToString());
        if (endpoint.LocalAddress is { } localAddress)
        {
            headers[Headers.ReplyToAddress] = localAddress;
        }

        MessagingDiagnostics.Inject(Activity.Current, headers);
        return headers;
    }

    private OutgoingMessage Serialize(object message, Dictionary<string, string> headers)
    {
        var messageType = message.GetType();
        EnsureMessageType(messageType);
        headers[Headers.EnclosedMessageTypes] = messageTypes.EnclosedMessageTypesOf(messageType);
        headers[Headers.ContentType] = SystemJsonMessageSerializer.ContentType;
        return new OutgoingMessage(headers[Headers.MessageId], headers, serializer.Serialize(message));
    }

    private void EnsureMessageType(Type messageType)
    {
        if (!configuration.Conventions.IsMessageType(messageType))
        {
            throw new InvalidOperationException(
                $"{messageType.FullName} is not a message type: define it as a command, event or message in the endpoint's conventions.");
        }
    }

    private void EnsureDeclared(IReadOnlySet<Type>? declaredTypes, Type messageType, string verb, string howToDeclare)
    {
        if (declaredTypes is not null && !DeclaredMessages.Covers(declaredTypes, messageType))
        {
            throw new InvalidOperationException(
                $"Endpoint {endpoint.Name} {verb} {messageType.FullName} without declaring it: declare it with {howToDeclare}, " +
                "so that its topology, and the infrastructure and grants derived from it, include it.");
        }
    }

    private string DestinationOf(Type messageType, SendOptions options)
    {
        if (options.ExplicitDestination is { } explicitDestination)
        {
            return transport.ToTransportAddress(new QueueAddress(explicitDestination));
        }

        if (options.ToThisEndpoint)
        {
            return endpoint.LocalAddress ?? throw new InvalidOperationException("A send-only endpoint has no queue to send to.");
        }

        var logical = configuration.Routing.EndpointFor(messageType)
            ?? throw new InvalidOperationException(
                $"No destination for {messageType.FullName}: route it with RouteToEndpoint or set one in SendOptions.");
        return transport.ToTransportAddress(new QueueAddress(logical));
    }

    private string? ReplyAddressOf(SendOptions options)
    {
        if (options.ExplicitReplyTo is { } replyTo)
        {
            return replyTo;
        }

        if (!options.ReplyToThisInstance)
        {
            return null;
        }

        return endpoint.InstanceAddress
            ?? throw new InvalidOperationException("RouteReplyToThisInstance needs MakeInstanceUniquelyAddressable.");
    }
}
