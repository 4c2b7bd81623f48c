using Unbundled.Messaging.Telemetry;
using Unbundled.Messaging.Transport;

namespace Unbundled.Messaging.Pipeline;

/// <summary>Collects what the handlers of one message send, publish and reply, to dispatch it once they all succeed.</summary>
internal sealed class MessageHandlerContext(
    IncomingMessage incoming,
    OutgoingMessageFactory factory,
    ISynchronizedStorageSession? storageSession,
    CancellationToken cancellationToken) : IMessageHandlerContext
{
    private readonly List<UnicastTransportOperation> unicast = [];
    private readonly List<MulticastTransportOperation> multicast = [];

    /// <summary>False once a message keeps an id not made here: one chosen by hand, or the forwarded message's own.</summary>
    private bool idsMadeHere = true;

    public string MessageId => incoming.MessageId;

    public string? ReplyToAddress => incoming.ReplyToAddress;

    public IReadOnlyDictionary<string, string> MessageHeaders => incoming.Headers;

    public ISynchronizedStorageSession? SynchronizedStorageSession => storageSession;

    public CancellationToken CancellationToken => cancellationToken;

    public TransportOperations PendingOperations => new([.. unicast], [.. multicast]) { NewMessages = idsMadeHere };

    public Task Send(object message, SendOptions options)
    {
        using var activity = MessagingDiagnostics.StartOutgoing(MessageIntent.Send, message.GetType(), options.ExplicitDestination ?? "routed");
        idsMadeHere &= options.GetMessageId() is null;
        unicast.Add(factory.CreateSend(message, options, incoming));
        return Task.CompletedTask;
    }

    public Task Publish(object message, PublishOptions options)
    {
        using var activity = MessagingDiagnostics.StartOutgoing(MessageIntent.Publish, message.GetType(), message.GetType().FullName!);
        idsMadeHere &= options.GetMessageId() is null;
        multicast.Add(factory.CreatePublish(message, options, incoming));
        return Task.CompletedTask;
    }

    public Task Reply(object message, ReplyOptions options)
    {
        using var activity = MessagingDiagnostics.StartOutgoing(MessageIntent.Reply, message.GetType(), incoming.ReplyToAddress ?? "none");
        idsMadeHere &= options.GetMessageId() is null;
        unicast.Add(factory.CreateReply(message, options, incoming));
        return Task.CompletedTask;
    }

    public Task ForwardCurrentMessageTo(string destination)
    {
        idsMadeHere = false;
        unicast.Add(OutgoingMessageFactory.CreateForward(incoming, destination));
        return Task.CompletedTask;
    }
}
