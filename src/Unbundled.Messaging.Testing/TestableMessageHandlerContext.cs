namespace Unbundled.Messaging.Testing;

/// <summary>
/// An <see cref="IMessageHandlerContext"/> for unit tests, in the manner of NServiceBus.Testing: it records what the
/// handler sends, publishes, replies and forwards, with the options and headers used.
/// </summary>
public class TestableMessageHandlerContext : IMessageHandlerContext
{
    private readonly List<SentMessage<object>> sent = [];
    private readonly List<PublishedMessage<object>> published = [];
    private readonly List<RepliedMessage<object>> replied = [];
    private readonly List<string> forwarded = [];

    public string MessageId { get; set; } = Guid.NewGuid().ToString();

    public string? ReplyToAddress { get; set; } = "requester";

    public Dictionary<string, string> Headers { get; } = [];

    public IReadOnlyDictionary<string, string> MessageHeaders => Headers;

    public ISynchronizedStorageSession? SynchronizedStorageSession { get; set; }

    public CancellationToken CancellationToken { get; set; }

    public IReadOnlyList<SentMessage<object>> SentMessages => sent;

    public IReadOnlyList<PublishedMessage<object>> PublishedMessages => published;

    public IReadOnlyList<RepliedMessage<object>> RepliedMessages => replied;

    public IReadOnlyList<string> ForwardedDestinations => forwarded;

    public virtual Task Send(object message, SendOptions options)
    {
        sent.Add(new SentMessage<object>(message, options));
        return Task.CompletedTask;
    }

    public virtual Task Publish(object message, PublishOptions options)
    {
        published.Add(new PublishedMessage<object>(message, options));
        return Task.CompletedTask;
    }

    public virtual Task Reply(object message, ReplyOptions options)
    {
        replied.Add(new RepliedMessage<object>(message, options));
        return Task.CompletedTask;
    }

    public virtual Task ForwardCurrentMessageTo(string destination)
    {
        forwarded.Add(destination);
        return Task.CompletedTask;
    }

    public IEnumerable<TMessage> Sent<TMessage>() => sent.Select(s => s.Message).OfType<TMessage>();

    public IEnumerable<TMessage> Published<TMessage>() => published.Select(p => p.Message).OfType<TMessage>();

    public IEnumerable<TMessage> Replied<TMessage>() => replied.Select(r => r.Message).OfType<TMessage>();
}
