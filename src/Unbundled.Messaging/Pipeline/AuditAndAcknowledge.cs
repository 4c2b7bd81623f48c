using Unbundled.Messaging.Transport;

namespace Unbundled.Messaging.Pipeline;

/// <summary>
/// What follows a successful processing: a copy to the audit queue (when configured) and, for a message ServiceControl
/// retried, the control message that tells ServiceControl the retry succeeded (wire-format §2.4, §6.2).
/// </summary>
internal sealed class AuditAndAcknowledge(EndpointIdentity endpoint, string? auditAddress, IMessageDispatcher dispatcher, TimeProvider clock)
{
    public Task Invoke(MessageContext context, IncomingMessage incoming, DateTimeOffset processingStarted, CancellationToken cancellationToken)
    {
        var operations = new List<UnicastTransportOperation>(2);
        var acknowledged = AcknowledgeRetry(incoming, operations);
        if (auditAddress is not null)
        {
            var headers = new Dictionary<string, string>(incoming.Headers)
            {
                [Headers.ProcessingStarted] = WireDate.ToWireFormattedString(processingStarted),
                [Headers.ProcessingEnded] = WireDate.ToWireFormattedString(clock.GetUtcNow()),
                [Headers.ProcessingEndpoint] = endpoint.Name,
                [Headers.ProcessingMachine] = endpoint.Host.MachineName,
                [Headers.HostId] = endpoint.Host.HostId,
                [Headers.HostDisplayName] = endpoint.Host.DisplayName,
            };
            if (acknowledged)
            {
                headers[ServiceControlHeaders.AcknowledgementSent] = "true";
            }

            operations.Add(new UnicastTransportOperation(new OutgoingMessage(incoming.MessageId, headers, context.Body), auditAddress, DispatchProperties.None));
        }

        return operations.Count == 0 ? Task.CompletedTask : dispatcher.Dispatch(new TransportOperations([.. operations]), cancellationToken);
    }

    private bool AcknowledgeRetry(IncomingMessage incoming, List<UnicastTransportOperation> operations)
    {
        if (!incoming.Headers.TryGetValue(ServiceControlHeaders.UniqueMessageId, out var uniqueMessageId)
            || !incoming.Headers.TryGetValue(ServiceControlHeaders.AcknowledgementQueue, out var acknowledgementQueue))
        {
            return false;
        }

        var messageId = Guid.CreateVersion7().ToString();
        var headers = new Dictionary<string, string>
        {
            [Headers.MessageId] = messageId,
            [ServiceControlHeaders.RetrySuccessful] = WireDate.ToWireFormattedString(clock.GetUtcNow()),
            [ServiceControlHeaders.UniqueMessageId] = uniqueMessageId,
            [Headers.ControlMessageHeader] = bool.TrueString,
        };
        operations.Add(new UnicastTransportOperation(new OutgoingMessage(messageId, headers, ReadOnlyMemory<byte>.Empty), acknowledgementQueue, DispatchProperties.None));
        return true;
    }
}
