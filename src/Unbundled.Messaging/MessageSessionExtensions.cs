namespace Unbundled.Messaging;

/// <summary>The short forms NServiceBus users write every day.</summary>
public static class MessageSessionExtensions
{
    public static Task Send(this IMessageSession session, object message, CancellationToken cancellationToken = default) =>
        session.Send(message, new SendOptions(), cancellationToken);

    public static Task Send(this IMessageSession session, string destination, object message, CancellationToken cancellationToken = default)
    {
        var options = new SendOptions();
        options.SetDestination(destination);
        return session.Send(message, options, cancellationToken);
    }

    public static Task SendLocal(this IMessageSession session, object message, CancellationToken cancellationToken = default)
    {
        var options = new SendOptions();
        options.RouteToThisEndpoint();
        return session.Send(message, options, cancellationToken);
    }

    public static Task Publish(this IMessageSession session, object message, CancellationToken cancellationToken = default) =>
        session.Publish(message, new PublishOptions(), cancellationToken);

    public static Task<TResponse> Request<TResponse>(this IMessageSession session, object message, CancellationToken cancellationToken = default) =>
        session.Request<TResponse>(message, new SendOptions(), cancellationToken);
}
