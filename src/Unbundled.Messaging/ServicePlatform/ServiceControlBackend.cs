using System.Text.Json;
using Unbundled.Messaging.Pipeline;
using Unbundled.Messaging.Transport;

namespace Unbundled.Messaging.ServicePlatform;

/// <summary>
/// Sends a plugin message (heartbeat, custom check result) to ServiceControl as NServiceBus.Heartbeat's and
/// NServiceBus.CustomChecks' backends do: straight through the transport's dispatcher, not the pipeline, with only the
/// type's full name, the content type, the intent and the reply address as headers, a random GUID as message id, the body
/// in System.Text.Json's defaults, and a time-to-be-received (docs/servicecontrol.md). What was sent is then recorded
/// in the endpoint's status store, if it has one.
/// </summary>
internal sealed class ServiceControlBackend(string destination, EndpointIdentity endpoint, IMessageDispatcher dispatcher, EndpointStatusRecorder? recorder = null)
{
    public string Destination => destination;

    public async Task Send<TMessage>(TMessage message, string messageTypeFullName, TimeSpan? timeToBeReceived, CancellationToken cancellationToken)
    {
        var messageId = Guid.NewGuid().ToString();
        var headers = new Dictionary<string, string>(5, StringComparer.Ordinal)
        {
            [Headers.MessageId] = messageId,
            [Headers.EnclosedMessageTypes] = messageTypeFullName,
            [Headers.ContentType] = "application/json",
            [Headers.MessageIntent] = nameof(MessageIntent.Send),
        };
        if (endpoint.LocalAddress is { } localAddress)
        {
            headers[Headers.ReplyToAddress] = localAddress;
        }

        var body = JsonSerializer.SerializeToUtf8Bytes(message);
        var operation = new UnicastTransportOperation(
            new OutgoingMessage(messageId, headers, body), destination, new DispatchProperties { DiscardIfNotReceivedBefore = timeToBeReceived });
        await dispatcher.Dispatch(new TransportOperations(operation), cancellationToken);
        if (recorder is not null)
        {
            await recorder.Sent(message!, cancellationToken);
        }
    }
}
