namespace Unbundled.Messaging.Transport;

/// <summary>Delivery constraints of one operation.</summary>
public sealed record DispatchProperties
{
    public static readonly DispatchProperties None = new();

    public TimeSpan? DelayDeliveryWith { get; init; }

    public DateTimeOffset? DoNotDeliverBefore { get; init; }

    /// <summary>
    /// The time-to-be-received: a receiver discards the message, unprocessed, once this long has passed since it was sent
    /// (NServiceBus's <c>DiscardIfNotReceivedBefore</c>; wire-format §1.3 step 7).
    /// </summary>
    public TimeSpan? DiscardIfNotReceivedBefore { get; init; }

    /// <summary>The delay left from <paramref name="now"/>, or zero when the message is due.</summary>
    public TimeSpan DelayFrom(DateTimeOffset now)
    {
        var delay = DelayDeliveryWith ?? (DoNotDeliverBefore is { } at ? at - now : TimeSpan.Zero);
        return delay > TimeSpan.Zero ? delay : TimeSpan.Zero;
    }
}
