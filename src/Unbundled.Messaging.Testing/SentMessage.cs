namespace Unbundled.Messaging.Testing;

/// <summary>A message a handler sent, with the options it was sent with.</summary>
public sealed record SentMessage<TMessage>(TMessage Message, SendOptions Options)
{
    public string? Destination => Options.GetDestination();

    public TimeSpan? Delay => Options.GetDeliveryDelay();
}
