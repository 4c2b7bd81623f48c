namespace Unbundled.Messaging.Transport;

/// <summary>One queue an endpoint receives from.</summary>
/// <param name="Id">The receiver's id, e.g. <c>Main</c> or <c>Instance</c>.</param>
/// <param name="ReceiveAddress">The logical address of the queue.</param>
/// <param name="UsePublishSubscribe">True when the receiver subscribes to events (the main queue only).</param>
/// <param name="ErrorQueue">Where the transport moves a message it cannot even read (poison).</param>
/// <param name="IsInstanceSpecific">
/// True for a per-instance queue (callbacks); the transport may delete it on graceful shutdown because nobody else reads it.
/// </param>
public sealed record ReceiveSettings(
    string Id,
    QueueAddress ReceiveAddress,
    bool UsePublishSubscribe,
    string ErrorQueue,
    bool IsInstanceSpecific = false);
