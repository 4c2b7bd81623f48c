using System.Globalization;
using Microsoft.Extensions.Logging;
using Unbundled.Messaging.Transport;

namespace Unbundled.Messaging.Pipeline;

/// <summary>
/// NServiceBus recoverability (docs/wire-format.md §4): unrecoverable exceptions go straight to error; otherwise immediate retries,
/// then delayed retries (the same message re-sent to the input queue later, or brought back by the transport itself where
/// it can: <see cref="ErrorContext.DelayedRedelivery"/>), then the error queue with fault headers.
/// </summary>
internal sealed class RecoverabilityPipeline(
    EndpointIdentity endpoint,
    RecoverabilitySettings settings,
    bool delayedDeliveryAvailable,
    string errorAddress,
    IMessageDispatcher dispatcher,
    TimeProvider clock,
    ILogger logger)
{
    private const int MaxExceptionMessageLength = 16384;

    /// <summary>Where retries are counted when the endpoint sends metrics.</summary>
    public Metrics.MetricsRecorder? Metrics { get; init; }

    public async Task<ErrorHandleResult> Invoke(ErrorContext error, CancellationToken cancellationToken)
    {
        var message = error.Message;
        var messageId = message.Headers.GetValueOrDefault(Headers.MessageId) ?? message.NativeMessageId;
        if (settings.IsUnrecoverable(error.Exception))
        {
            await MoveToError(error, messageId, cancellationToken);
            return ErrorHandleResult.Handled;
        }

        if (error.ImmediateProcessingFailures <= settings.ImmediateRetries)
        {
            logger.LogInformation(error.Exception, "Immediate retry {Attempt} of message {MessageId}", error.ImmediateProcessingFailures, messageId);
            CountRetry(message.Headers);
            return ErrorHandleResult.RetryRequired;
        }

        if (NextDelayedRetry(message.Headers) is { } attempt)
        {
            var delay = settings.DelayedRetryTimeIncrease * attempt;
            logger.LogWarning(error.Exception, "Delayed retry {Attempt} of message {MessageId} in {Delay}", attempt, messageId, delay);
            CountRetry(message.Headers);
            if (error.DelayedRedelivery is { } redeliver)
            {
                await redeliver(delay, cancellationToken);
                return ErrorHandleResult.Handled;
            }

            var headers = new Dictionary<string, string>(message.Headers)
            {
                [Headers.DelayedRetries] = attempt.ToString(CultureInfo.InvariantCulture),
                [Headers.DelayedRetriesTimestamp] = WireDate.ToWireFormattedString(clock.GetUtcNow()),
            };
            var retry = new UnicastTransportOperation(
                new OutgoingMessage(messageId, headers, message.Body), message.ReceiveAddress, new DispatchProperties { DelayDeliveryWith = delay });
            await dispatcher.Dispatch(new TransportOperations(retry), cancellationToken);
            return ErrorHandleResult.Handled;
        }

        await MoveToError(error, messageId, cancellationToken);
        return ErrorHandleResult.Handled;
    }

    private void CountRetry(IReadOnlyDictionary<string, string> headers)
    {
        if (Metrics is not null && headers.TryGetValue(Headers.EnclosedMessageTypes, out var tag))
        {
            Metrics.Record(Unbundled.Messaging.Metrics.MetricsRecorder.Retries, clock.GetUtcNow(), tag, 1);
        }
    }

    private int? NextDelayedRetry(IReadOnlyDictionary<string, string> headers)
    {
        if (!delayedDeliveryAvailable || settings.DelayedRetries == 0)
        {
            return null;
        }

        // Like NServiceBus, read retry headers that cannot be parsed as absent: throwing here would fail recoverability
        // itself, and the transport would return the message to its queue forever.
        var done = headers.TryGetValue(Headers.DelayedRetries, out var retries)
            && int.TryParse(retries, NumberStyles.Integer, CultureInfo.InvariantCulture, out var performed) ? performed : 0;
        if (done >= settings.DelayedRetries)
        {
            return null;
        }

        if (headers.TryGetValue(Headers.DelayedRetriesTimestamp, out var timestamp)
            && WireDateOrNull(timestamp) is { } lastRetry
            && clock.GetUtcNow() - lastRetry > settings.DelayedRetryWindow)
        {
            return null;
        }

        return done + 1;
    }

    private static DateTimeOffset? WireDateOrNull(string value)
    {
        try
        {
            return WireDate.ToUtcDateTimeOffset(value);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private async Task MoveToError(ErrorContext error, string messageId, CancellationToken cancellationToken)
    {
        logger.LogError(error.Exception, "Moving message {MessageId} to the error queue {ErrorQueue}", messageId, errorAddress);
        var headers = new Dictionary<string, string>(error.Message.Headers);
        headers.Remove(Headers.DelayedRetries);
        headers.Remove(Headers.ImmediateRetries);
        AddFaultHeaders(headers, error);
        var operation = new UnicastTransportOperation(new OutgoingMessage(messageId, headers, error.Message.Body), errorAddress, DispatchProperties.None);
        await dispatcher.Dispatch(new TransportOperations(operation), cancellationToken);
    }

    private void AddFaultHeaders(Dictionary<string, string> headers, ErrorContext error)
    {
        var exception = error.Exception;
        headers[FaultsHeaderKeys.FailedQ] = error.Message.ReceiveAddress;
        headers[FaultsHeaderKeys.ExceptionType] = exception.GetType().FullName!;
        if (exception.InnerException is { } inner)
        {
            headers[FaultsHeaderKeys.InnerExceptionType] = inner.GetType().FullName!;
        }

        if (exception.HelpLink is { } helpLink)
        {
            headers[FaultsHeaderKeys.HelpLink] = helpLink;
        }

        headers[FaultsHeaderKeys.Message] = exception.Message.Length > MaxExceptionMessageLength
            ? exception.Message[..MaxExceptionMessageLength]
            : exception.Message;
        if (exception.Source is { } source)
        {
            headers[FaultsHeaderKeys.Source] = source;
        }

        headers[FaultsHeaderKeys.StackTrace] = exception.ToString();
        foreach (System.Collections.DictionaryEntry entry in exception.Data)
        {
            if (entry.Value is not null)
            {
                headers[FaultsHeaderKeys.ExceptionDataPrefix + entry.Key] = entry.Value.ToString()!;
            }
        }

        headers[FaultsHeaderKeys.TimeOfFailure] = WireDate.ToWireFormattedString(clock.GetUtcNow());
        headers[Headers.ProcessingMachine] = endpoint.Host.MachineName;
        headers[Headers.ProcessingEndpoint] = endpoint.Name;
        headers[Headers.HostId] = endpoint.Host.HostId;
        headers[Headers.HostDisplayName] = endpoint.Host.DisplayName;
    }
}
