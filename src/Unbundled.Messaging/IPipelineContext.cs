namespace Unbundled.Messaging;

/// <summary>What every context can do: send and publish.</summary>
public interface IPipelineContext
{
    CancellationToken CancellationToken { get; }

    Task Send(object message, SendOptions options);

    Task Publish(object message, PublishOptions options);
}
