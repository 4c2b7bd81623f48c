using System.Globalization;
using Amazon.DynamoDBv2.Model;
using Unbundled.Messaging.Outbox;

namespace Unbundled.Persistence.DynamoDB.Outbox;

/// <summary>
/// The attributes an outbox record is stored as, on its own item or on the business item that carries it. NServiceBus gives
/// each operation an item of its own, committed together by TransactWriteItems; without transactions the operations live in
/// a list on the one item the conditional put writes.
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

    public static AttributeValue ToList(IReadOnlyList<OutboxOperation> operations) => new() { L = [.. operations.Select(ToMap)] };

    public static List<OutboxOperation> FromList(AttributeValue? list) => list?.L is { } items ? [.. items.Select(FromMap)] : [];

    public static AttributeValue Flag(bool value) => new() { BOOL = value };

    public static bool IsSet(Dictionary<string, AttributeValue> item, string flag) => item.TryGetValue(flag, out var value) && value.BOOL == true;

    private static AttributeValue ToMap(OutboxOperation operation)
    {
        var map = new Dictionary<string, AttributeValue>
        {
            [MessageId] = new() { S = operation.MessageId },
            [Headers] = new() { M = operation.Headers.ToDictionary(header => header.Key, header => new AttributeValue { S = header.Value }) },
            [Body] = new() { B = new MemoryStream(operation.Body) },
        };
        Add(map, Destination, operation.Destination);
        Add(map, EventType, operation.EventType);
        Add(map, DelayDeliveryWith, operation.DelayDeliveryWith?.ToString("c", CultureInfo.InvariantCulture));
        Add(map, DoNotDeliverBefore, operation.DoNotDeliverBefore?.ToString("O", CultureInfo.InvariantCulture));
        return new AttributeValue { M = map };
    }

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

    private static void Add(Dictionary<string, AttributeValue> map, string name, string? value)
    {
        if (value is not null)
        {
            map[name] = new AttributeValue { S = value };
        }
    }

    private static string? Text(Dictionary<string, AttributeValue> map, string name) => map.TryGetValue(name, out var value) ? value.S : null;
}
