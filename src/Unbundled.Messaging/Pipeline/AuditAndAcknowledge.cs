using Unbundled.Messaging.Transport;

namespace Unbundled.Messaging.Pipeline;

/// <summary>
/// What follows a successful processing: a copy to the audit queue (when configured) and, for a message ServiceControl
/// retried, the control message that tells ServiceControl the retry succeeded (docs/wire-format.md §2.4, §6.2).
/// </summary>
internal sealed class AuditAndAcknowledge(EndpointIdentity endpoint, string? auditAddress, IMessageDispatcher dispatcher, TimeProvider clock)
{
    /// <summary>The headers an audit copy gets on top of the message's own.</summary>
    private const int AddedHeaders = 7;

    public TimeProvider Clock => clock;

    /// <summary>Where processing and critical times are recorded when the endpoint sends metrics.</summary>
    public Metrics.MetricsRecorder? Metrics { get; init; }

    public Task Invoke(MessageContext context, IncomingMessage incoming, DateTimeOffset processingStarted, CancellationToken cancellationToken)
    {
        Metrics?.Processed(incoming.Headers, processingStarted, clock.GetUtcNow());
        var acknowledgement = AcknowledgeRetry(incoming);
        if (auditAddress is null)
        {
            return acknowledgement is null ? Task.CompletedTask : dispatcher.Dispatch(new TransportOperations(acknowledgement), cancellationToken);
        }

        // Sized once: the copy is the only allocation an audited message costs beyond its dispatch.
        var headers = new Dictionary<string, string>(incoming.Headers.Count + AddedHeaders, StringComparer.Ordinal);
        foreach (var (name, value) in incoming.Headers)
        {
            headers[name] = value;
        }

        headers[Headers.ProcessingStarted] = WireDate.ToWireFormattedString(processingStarted);
        headers[Headers.ProcessingEnded] = WireDate.ToWireFormattedString(clock.GetUtcNow());
        headers[Headers.ProcessingEndpoint] = endpoint.Name;
        headers[Headers.ProcessingMachine] = endpoint.Host.MachineName;
        headers[Headers.HostId] = endpoint.Host.HostId;
        headers[Headers.HostDisplayName] = endpoint.Host.DisplayName;
        if (acknowledgement is not null)
        {
            headers[ServiceControlHeaders.AcknowledgementSent] = "true";
        }

        var audit = new UnicastTransportOperation(new OutgoingMessage(incoming.MessageId, headers, context.Body), auditAddress, DispatchProperties.None);
        return dispatcher.Dispatch(acknowledgement is null ? new TransportOperations(audit) : new TransportOperations(acknowledgement, audit), cancellationToken);
    }

    private UnicastTransportOperation? AcknowledgeRetry(IncomingMessage incoming)
    {
        if (!incoming.Headers.TryGetValue(ServiceControlHeaders.UniqueMessageId, out var uniqueMessageId)
            || !incoming.Headers.TryGetValue(ServiceControlHeaders.AcknowledgementQueue, out var acknowledgementQueue))
        {
            return null;
        }

        var messageId = Guid.CreateVersion7().ToString();
        var headers = new Dictionary<string, string>
        {
            [Headers.MessageId] = messageId,
            [ServiceControlHeaders.RetrySuccessful] = WireDate.ToWireFormattedString(clock.GetUtcNow()),
            [ServiceControlHeaders.UniqueMessageId] = uniqueMessageId,
            [Headers.ControlMessageHeader] = bool.TrueString,
        };
        return new UnicastTransportOperation(new OutgoingMessage(messageId, headers, ReadOnlyMemory<byte>.Empty), acknowledgementQueue, DispatchProperties.None);
    }
}
