using System.Globalization;
using Amazon.DynamoDBv2.Model;
using Unbundled.Messaging.Outbox;

namespace Unbundled.Persistence.DynamoDB.Outbox;

/// <summary>
/// The attributes an outbox record is stored as, on its own item or on the business item that carries it. NServiceBus gives
/// each operation an item of its own, committed together by TransactWriteItems; without transactions the operations live in
/// one binary value (<see cref="OutboxOperationsBlob"/>) on the one item the conditional put writes. Items written before
/// that hold a list of maps, still read.
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

    private const string Headers = "Headers";
    private const string Body = "Body";
    private const string Destination = "Destination";
    private const string EventType = "EventType";
    private const string DelayDeliveryWith = "DelayDeliveryWith";
    private const string DoNotDeliverBefore = "DoNotDeliverBefore";

    public static AttributeValue ToValue(IReadOnlyList<OutboxOperation> operations) => new() { B = new MemoryStream(OutboxOperationsBlob.Write(operations)) };

    public static List<OutboxOperation> FromValue(AttributeValue? value) => value switch
    {
        { B: { } blob } => OutboxOperationsBlob.Read(blob.ToArray()),
        { L: { } items } => [.. items.Select(FromMap)],
        _ => [],
    };

    public static AttributeValue Flag(bool value) => new() { BOOL = value };

    public static bool IsSet(Dictionary<string, AttributeValue> item, string flag) => item.TryGetValue(flag, out var value) && value.BOOL == true;

    private static OutboxOperation FromMap(AttributeValue value)
    {
        var map = value.M;
        return new OutboxOperation(
            map[MessageId].S,
            (map[Headers].M ?? []).ToDictionary(header => header.Key, header => header.Value.S, StringComparer.Ordinal),
            map[Body].B?.ToArray() ?? [],
            Text(map, Destination),
            Text(map, EventType),
            Text(map, DelayDeliveryWith) is { } delay ? TimeSpan.ParseExact(delay, "c", CultureInfo.InvariantCulture) : null,
            Text(map, DoNotDeliverBefore) is { } at ? DateTimeOffset.ParseExact(at, "O", CultureInfo.InvariantCulture) : null);
    }

    private static string? Text(Dictionary<string, AttributeValue> map, string name) => map.TryGetValue(name, out var value) ? value.S : null;
}
