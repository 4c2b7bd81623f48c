namespace Unbundled.Messaging;

/// <summary>The short forms for use inside handlers.</summary>
public static class PipelineContextExtensions
{
    public static Task Send(this IPipelineContext context, object message) => context.Send(message, new SendOptions());

    public static Task Send(this IPipelineContext context, string destination, object message)
    {
        var options = new SendOptions();
        options.SetDestination(destination);
        return context.Send(message, options);
    }

    public static Task SendLocal(this IPipelineContext context, object message)
    {
        var options = new SendOptions();
        options.RouteToThisEndpoint();
        return context.Send(message, options);
    }

    public static Task Publish(this IPipelineContext context, object message) => context.Publish(message, new PublishOptions());

    public static Task Reply(this IMessageHandlerContext context, object message) => context.Reply(message, new ReplyOptions());
}
