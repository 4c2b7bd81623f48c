namespace Unbundled.Messaging.Transport;

/// <summary>A received message as the transport hands it to the endpoint.</summary>
/// <param name="NativeMessageId">The broker's id (SQS message id, file name), used for retry bookkeeping.</param>
/// <param name="Headers">The NServiceBus headers; the pipeline may add to its own copy.</param>
/// <param name="Body">The serialized message body.</param>
/// <param name="ReceiveAddress">The physical queue it was received from.</param>
public sealed record MessageContext(
    string NativeMessageId,
    IReadOnlyDictionary<string, string> Headers,
    ReadOnlyMemory<byte> Body,
    string ReceiveAddress)
{
    /// <summary>
    /// The first attempt at a message the transport took from a sender in this process whose dispatch had
    /// <see cref="TransportOperations.NewMessages"/>: no outbox record can exist for it, so the pipeline does not look.
    /// </summary>
    public bool FirstAttemptOfNewMessage { get; init; }
}
