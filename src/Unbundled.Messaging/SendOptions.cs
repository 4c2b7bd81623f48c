namespace Unbundled.Messaging;

public sealed class SendOptions : ExtendableOptions
{
    internal string? ExplicitDestination { get; private set; }

    internal bool ToThisEndpoint { get; private set; }

    internal bool ReplyToThisInstance { get; private set; }

    internal string? ExplicitReplyTo { get; private set; }

    internal string? CorrelationId { get; private set; }

    internal TimeSpan? Delay { get; private set; }

    internal DateTimeOffset? DeliverAt { get; private set; }

    internal TimeSpan? TimeToBeReceived { get; private set; }

    public void SetDestination(string destination) => ExplicitDestination = destination;

    public string? GetDestination() => ExplicitDestination;

    /// <summary>Sends to this endpoint's own queue (what <c>SendLocal</c> does).</summary>
    public void RouteToThisEndpoint() => ToThisEndpoint = true;

    /// <summary>Asks the receiver to reply to this instance's queue rather than the shared endpoint queue.</summary>
    public void RouteReplyToThisInstance() => ReplyToThisInstance = true;

    public void RouteReplyTo(string replyToAddress) => ExplicitReplyTo = replyToAddress;

    public void SetCorrelationId(string correlationId) => CorrelationId = correlationId;

    public void DelayDeliveryWith(TimeSpan delay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        Delay = delay;
        DeliverAt = null;
    }

    public void DoNotDeliverBefore(DateTimeOffset at)
    {
        DeliverAt = at;
        Delay = null;
    }

    /// <summary>
    /// Lets the message be discarded, unprocessed, when it has not been received within <paramref name="timeToBeReceived"/>
    /// of being sent (what NServiceBus's <c>[TimeToBeReceived]</c> does): for messages worthless once old, like heartbeats.
    /// </summary>
    public void SetTimeToBeReceived(TimeSpan timeToBeReceived)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeToBeReceived, TimeSpan.Zero);
        TimeToBeReceived = timeToBeReceived;
    }

    public TimeSpan? GetTimeToBeReceived() => TimeToBeReceived;

    public TimeSpan? GetDeliveryDelay() => Delay;

    public DateTimeOffset? GetDeliveryDate() => DeliverAt;

    public bool IsRoutingToThisEndpoint() => ToThisEndpoint;
}
