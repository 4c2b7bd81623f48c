namespace Unbundled.Messaging;

/// <summary>
/// The context of one incoming message. Messages sent, published or replied here are held back and dispatched together
/// once every handler has succeeded, so a failed handler sends nothing.
/// </summary>
public interface IMessageHandlerContext : IPipelineContext
{
    string MessageId { get; }

    /// <summary>Where replies go, or null when the sender gave no reply address.</summary>
    string? ReplyToAddress { get; }

    IReadOnlyDictionary<string, string> MessageHeaders { get; }

    /// <summary>
    /// The storage session of the outbox, when the endpoint uses one: writes made through it commit atomically with the
    /// record of this message's outgoing messages.
    /// </summary>
    ISynchronizedStorageSession? SynchronizedStorageSession { get; }

    Task Reply(object message, ReplyOptions options);

    /// <summary>Sends the incoming message, unchanged (same id, headers and body), to another queue.</summary>
    Task ForwardCurrentMessageTo(string destination);
}
