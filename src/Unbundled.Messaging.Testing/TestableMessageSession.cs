namespace Unbundled.Messaging.Testing;

/// <summary>
/// An <see cref="IMessageSession"/> that records instead of dispatching. Requests are answered by the function given to
/// <see cref="RespondToRequestsWith"/>.
/// </summary>
public class TestableMessageSession : IMessageSession
{
    private readonly List<SentMessage<object>> sent = [];
    private readonly List<PublishedMessage<object>> published = [];
    private Func<object, object>? respond;

    public IReadOnlyList<SentMessage<object>> SentMessages => sent;

    public IReadOnlyList<PublishedMessage<object>> PublishedMessages => published;

    /// <summary>Makes <see cref="Request{TResponse}"/> record the request and return <paramref name="responder"/>'s answer.</summary>
    public void RespondToRequestsWith(Func<object, object> responder) => respond = responder;

    public virtual Task Send(object message, SendOptions options, CancellationToken cancellationToken = default)
    {
        sent.Add(new SentMessage<object>(message, options));
        return Task.CompletedTask;
    }

    public virtual Task Publish(object message, PublishOptions options, CancellationToken cancellationToken = default)
    {
        published.Add(new PublishedMessage<object>(message, options));
        return Task.CompletedTask;
    }

    public virtual async Task<TResponse> Request<TResponse>(object message, SendOptions options, CancellationToken cancellationToken = default)
    {
        await Send(message, options, cancellationToken);
        var responder = respond ?? throw new InvalidOperationException("Call RespondToRequestsWith before making requests.");
        return (TResponse)responder(message);
    }

    public IEnumerable<TMessage> Sent<TMessage>() => sent.Select(s => s.Message).OfType<TMessage>();

    public IEnumerable<TMessage> Published<TMessage>() => published.Select(p => p.Message).OfType<TMessage>();
}
