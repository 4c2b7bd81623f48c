using Amazon.DynamoDBv2.Model;
using Unbundled.Messaging.Outbox;

namespace Unbundled.Persistence.DynamoDB.Outbox;

/// <summary>
/// The attributes an outbox record is stored as, on its own item or on the business item that carries it. NServiceBus gives
/// each operation an item of its own, committed together by TransactWriteItems; without transactions the operations live in
/// one binary value (<see cref="OutboxOperationsBlob"/>) on the one item the conditional put writes.
/// </summary>
internal static class OutboxAttributes
{
    public const string MessageId = "MessageId";
    public const string Endpoint = "OutboxEndpoint";
    public const string OutboxMessageId = "OutboxMessageId";
    public const string Operations = "Operations";
    public const string Dispatched = "Dispatched";
    public const string DispatchedAt = "DispatchedAt";
    public const string ExpiresAt = "ExpiresAt";

    public static AttributeValue ToValue(IReadOnlyList<OutboxOperation> operations) => new() { B = new MemoryStream(OutboxOperationsBlob.Write(operations)) };

    public static List<OutboxOperation> FromValue(AttributeValue? value) => value switch
    {
        { B: { } blob } => OutboxOperationsBlob.Read(blob.ToArray()),
        _ => [],
    };

    public static AttributeValue Flag(bool value) => new() { BOOL = value };

    public static bool IsSet(Dictionary<string, AttributeValue> item, string flag) => item.TryGetValue(flag, out var value) && value.BOOL == true;
}
