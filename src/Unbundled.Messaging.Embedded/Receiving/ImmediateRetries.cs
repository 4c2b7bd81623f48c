using Microsoft.Extensions.Logging;
using Unbundled.Messaging.Transport;

namespace Unbundled.Messaging.Embedded.Receiving;

/// <summary>What became of a message once its immediate retries ended.</summary>
internal enum ProcessingOutcome
{
    /// <summary>Processed, or dealt with by recoverability (delayed retry or error queue).</summary>
    Consumed,

    /// <summary>The receiver is stopping and cancelled its handlers.</summary>
    Cancelled,

    RecoverabilityFailed,
}

/// <summary>
/// One message through the pipeline and, while recoverability asks for it, again in place: immediate retries need no
/// trip through the queue. Made once the receiver is initialized, with the pipeline it was given.
/// </summary>
internal sealed class ImmediateRetries(OnMessage onMessage, OnError onError, string queueName, ILogger logger)
{
    public async Task<ProcessingOutcome> Process(
        string nativeMessageId, IReadOnlyDictionary<string, string> headers, ReadOnlyMemory<byte> body, bool newMessage, CancellationToken cancellationToken)
    {
        for (var failures = 0; ; )
        {
            // Only a first attempt can skip the outbox lookup: a failed one may have stored the record before it failed.
            var context = new MessageContext(nativeMessageId, new Dictionary<string, string>(headers), body, queueName)
            {
                FirstAttemptOfNewMessage = newMessage && failures == 0,
            };
            try
            {
                await onMessage(context, cancellationToken);
                return ProcessingOutcome.Consumed;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return ProcessingOutcome.Cancelled;
            }
            catch (Exception exception)
            {
                failures++;
                try
                {
                    if (await onError(new ErrorContext(exception, context, failures), cancellationToken) == ErrorHandleResult.Handled)
                    {
                        return ProcessingOutcome.Consumed;
                    }
                }
                catch (Exception recoverabilityFailure)
                {
                    // Recoverability itself failed (e.g. the error queue is unwritable): keep the message in the queue.
                    logger.LogCritical(recoverabilityFailure, "Recoverability failed for {MessageId} in {Queue}; returned to the queue", nativeMessageId, queueName);
                    return ProcessingOutcome.RecoverabilityFailed;
                }
            }
        }
    }
}
