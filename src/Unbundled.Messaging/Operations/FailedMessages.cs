using Unbundled.Messaging.Transport;

namespace Unbundled.Messaging.Operations;

/// <summary>
/// The failed messages in <c>error</c>, for operators without ServiceControl: listed, shown, and retried through exactly
/// the path ServiceControl's retry takes (wire-format §6.2). The staging step is left out: the message is held in
/// <c>error</c> until its re-send has succeeded and only then removed. Acknowledgements of successful retries, which the
/// endpoints send to <c>error</c> as they would for ServiceControl, are consumed as ServiceControl consumes them
/// (docs/operations.md). The <c>failed</c> command and the API's <c>/ops</c> page share this class.
/// </summary>
public sealed class FailedMessages(IQueueOperations queues, string errorQueue = FailedMessages.DefaultErrorQueue)
{
    public const string DefaultErrorQueue = "error";

    /// <summary>At most this many messages are read from <c>error</c> at once.</summary>
    public const int MaxRead = 1000;

    private static string[] StrippedOnRetry =>
        [Headers.DelayedRetries, FaultsHeaderKeys.FailedQ, FaultsHeaderKeys.TimeOfFailure, "NServiceBus.ExceptionInfo.", "ServiceControl.EditOf"];

    /// <summary>The failed messages, oldest first, and the acknowledgements found (and consumed) beside them.</summary>
    public async Task<ErrorQueueContents> List(CancellationToken cancellationToken = default)
    {
        await using var browse = await queues.Browse(errorQueue, MaxRead, cancellationToken);
        return await Read(browse, cancellationToken);
    }

    public async Task<FailedMessage?> Find(string idOrMessageId, CancellationToken cancellationToken = default) =>
        (await List(cancellationToken)).Failed.FirstOrDefault(message => message.IsNamed(idOrMessageId));

    /// <summary>Retries one failed message; false when there is none by that id (or another operator retried it first).</summary>
    public async Task<bool> Retry(string idOrMessageId, CancellationToken cancellationToken = default)
    {
        await using var browse = await queues.Browse(errorQueue, MaxRead, cancellationToken);
        var contents = await Read(browse, cancellationToken);
        return contents.Failed.FirstOrDefault(message => message.IsNamed(idOrMessageId)) is { } failed
            && await Retry(browse, failed, cancellationToken);
    }

    /// <summary>Retries every failed message that can be; returns the ids retried.</summary>
    public async Task<IReadOnlyList<string>> RetryAll(CancellationToken cancellationToken = default)
    {
        await using var browse = await queues.Browse(errorQueue, MaxRead, cancellationToken);
        var retried = new List<string>();
        foreach (var failed in (await Read(browse, cancellationToken)).Failed.Where(message => message.FailedQueue is not null))
        {
            if (await Retry(browse, failed, cancellationToken))
            {
                retried.Add(failed.Id);
            }
        }

        return retried;
    }

    /// <summary>The retry ServiceControl's staging consumer sends: stripped of the fault headers, naming the failed message and the acknowledgement queue.</summary>
    public OutgoingMessage RetryOf(FailedMessage failed)
    {
        var headers = failed.Headers.Where(header => !StrippedOnRetry.Any(prefix => header.Key.StartsWith(prefix, StringComparison.Ordinal)))
            .ToDictionary(header => header.Key, header => header.Value);
        headers[ServiceControlHeaders.UniqueMessageId] = failed.Id;
        headers[ServiceControlHeaders.AcknowledgementQueue] = queues.ToTransportAddress(errorQueue);
        return new OutgoingMessage(failed.MessageId, headers, failed.Body);
    }

    private async Task<bool> Retry(IQueueBrowse browse, FailedMessage failed, CancellationToken cancellationToken)
    {
        var target = failed.Headers.GetValueOrDefault("ServiceControl.RetryTo") ?? failed.FailedQueue
            ?? throw new InvalidOperationException($"Failed message {failed.Id} has no {FaultsHeaderKeys.FailedQ} header: there is nowhere to retry it to.");
        var retry = new UnicastTransportOperation(RetryOf(failed), queues.ToTransportAddress(target), DispatchProperties.None);
        return await browse.Take(failed.Queued, token => queues.Dispatcher.Dispatch(new TransportOperations(retry), token), cancellationToken);
    }

    private static async Task<ErrorQueueContents> Read(IQueueBrowse browse, CancellationToken cancellationToken)
    {
        var failed = new List<FailedMessage>();
        var acknowledged = new List<RetryAcknowledgement>();
        foreach (var message in browse.Messages)
        {
            if (RetryAcknowledgement.From(message) is { } acknowledgement)
            {
                await browse.Remove(message, cancellationToken);
                acknowledged.Add(acknowledgement);
            }
            else
            {
                failed.Add(FailedMessage.From(message));
            }
        }

        return new ErrorQueueContents([.. failed.OrderBy(message => message.TimeOfFailure)], acknowledged);
    }
}

/// <summary>What <c>error</c> held: failed messages, and acknowledgements of retries that succeeded.</summary>
public sealed record ErrorQueueContents(IReadOnlyList<FailedMessage> Failed, IReadOnlyList<RetryAcknowledgement> Acknowledged);

/// <summary>An endpoint's word that the retry of a failed message succeeded (wire-format §6.2 step 3).</summary>
public sealed record RetryAcknowledgement(string FailedMessageId, DateTimeOffset At)
{
    public static RetryAcknowledgement? From(QueuedMessage message) =>
        message.Headers.TryGetValue(ServiceControlHeaders.RetrySuccessful, out var at)
        && message.Headers.TryGetValue(ServiceControlHeaders.UniqueMessageId, out var id)
        && string.Equals(message.Headers.GetValueOrDefault(Headers.ControlMessageHeader), "true", StringComparison.OrdinalIgnoreCase)
            ? new RetryAcknowledgement(id, WireDate.ToUtcDateTimeOffset(at))
            : null;
}
