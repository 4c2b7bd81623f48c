namespace Unbundled.Messaging.Transport;

/// <summary>A failed processing attempt.</summary>
/// <param name="Exception">What the handler or pipeline threw.</param>
/// <param name="Message">The message as received.</param>
/// <param name="ImmediateProcessingFailures">How many times in a row processing failed, this failure included.</param>
public sealed record ErrorContext(Exception Exception, MessageContext Message, int ImmediateProcessingFailures)
{
    /// <summary>
    /// Set by a transport that can bring this very message back after a delay, as the Lambda shell does with the record's
    /// visibility timeout (docs/lambda.md#sqs-event): a delayed retry then calls it instead of sending a copy to the queue.
    /// The message comes back with the headers it had, so such a transport counts the delayed retries it has had in the
    /// <see cref="Headers.DelayedRetries"/> header of the <see cref="Message"/> it hands over.
    /// </summary>
    public RedeliverAfter? DelayedRedelivery { get; init; }
}

/// <summary>Makes the message being processed come back to its queue after <paramref name="delay"/>.</summary>
public delegate Task RedeliverAfter(TimeSpan delay, CancellationToken cancellationToken);
