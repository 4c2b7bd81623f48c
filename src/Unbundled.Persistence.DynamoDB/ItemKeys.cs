using System.Text;
using Amazon.DynamoDBv2.Model;

namespace Unbundled.Persistence.DynamoDB;

/// <summary>
/// The keys of every item in the table. Each item is alone in its partition (nothing here is ever queried as a collection);
/// the sort key names the item's kind, leaving room for more items per partition later.
/// </summary>
internal static class ItemKeys
{
    public const string PartitionKey = "PK";
    public const string SortKey = "SK";

    /// <summary>DynamoDB's limit on a partition key value, in UTF-8 bytes.</summary>
    private const int MaxPartitionKeyBytes = 2048;

    /// <summary>The outbox record of one incoming message, per endpoint; named as NServiceBus.Persistence.DynamoDB names its metadata item.</summary>
    public static Dictionary<string, AttributeValue> Outbox(string endpoint, string messageId) =>
        Key($"OUTBOX#{endpoint}#{messageId}", $"OUTBOX#METADATA#{messageId}");

    /// <summary>Who owns an email, keyed by <c>EmailAddress.Key</c>.</summary>
    public static Dictionary<string, AttributeValue> Claim(string emailKey) => Key($"CLAIM#{emailKey}", "CLAIM");

    /// <summary>An endpoint's last heartbeat and check results (DynamoDbEndpointStatus).</summary>
    public static Dictionary<string, AttributeValue> EndpointStatus(string endpoint) => Key($"STATUS#{endpoint}", "STATUS");

    public static Dictionary<string, AttributeValue> CustomerView(Guid customerId) => Key($"CUSTOMER#{customerId:D}", "VIEW");

    /// <summary>False when the key is longer than DynamoDB allows, so no item can have it.</summary>
    public static bool IsStorable(Dictionary<string, AttributeValue> key) =>
        Encoding.UTF8.GetByteCount(key[PartitionKey].S) <= MaxPartitionKeyBytes;

    public static bool SameKey(Dictionary<string, AttributeValue> item, Dictionary<string, AttributeValue> key) =>
        item.TryGetValue(PartitionKey, out var pk) && pk.S == key[PartitionKey].S
        && item.TryGetValue(SortKey, out var sk) && sk.S == key[SortKey].S;

    /// <summary>An item's (or a key's) identity, to match batch responses with their requests.</summary>
    public static (string PartitionKey, string SortKey) Of(Dictionary<string, AttributeValue> item) => (item[PartitionKey].S, item[SortKey].S);

    private static Dictionary<string, AttributeValue> Key(string partitionKey, string sortKey) => new()
    {
        [PartitionKey] = new AttributeValue { S = partitionKey },
        [SortKey] = new AttributeValue { S = sortKey },
    };
}
