using Unbundled.Messaging.Transport;

namespace Unbundled.Messaging.Outbox;

/// <summary>
/// One outgoing message as stored: a unicast to <see cref="Destination"/>, or a publish of <see cref="EventType"/>
/// (an assembly-qualified name).
/// </summary>
public sealed record OutboxOperation(
    string MessageId,
    IReadOnlyDictionary<string, string> Headers,
    byte[] Body,
    string? Destination,
    string? EventType,
    TimeSpan? DelayDeliveryWith = null,
    DateTimeOffset? DoNotDeliverBefore = null)
{
    public static OutboxOperation From(UnicastTransportOperation operation) => new(
        operation.Message.MessageId, operation.Message.Headers, operation.Message.Body.ToArray(), operation.Destination, null,
        operation.Properties.DelayDeliveryWith, operation.Properties.DoNotDeliverBefore);

    public static OutboxOperation From(MulticastTransportOperation operation) => new(
        operation.Message.MessageId, operation.Message.Headers, operation.Message.Body.ToArray(), null,
        operation.MessageType.AssemblyQualifiedName, operation.Properties.DelayDeliveryWith, operation.Properties.DoNotDeliverBefore);
}
