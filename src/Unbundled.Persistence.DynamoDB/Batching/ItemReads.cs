using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Unbundled.Messaging.Batching;

namespace Unbundled.Persistence.DynamoDB.Batching;

/// <summary>
/// Strongly consistent reads of single items, coalesced: a lone read is a <c>GetItem</c>, reads that arrive while another
/// call is in flight go together in one <c>BatchGetItem</c> (up to 100 keys). Every read of the process goes through here
/// (outbox records, claims, views), so under load one request serves several messages.
/// </summary>
internal sealed class ItemReads
{
    /// <summary>DynamoDB refuses a BatchGetItem with more keys.</summary>
    private const int MaxKeys = 100;

    /// <summary>What a read calls: GetItem alone, BatchGetItem together (an action of its own, not covered by GetItem).</summary>
    public static IEnumerable<string> Actions => ["dynamodb:BatchGetItem", "dynamodb:GetItem"];

    private readonly IAmazonDynamoDB client;
    private readonly string tableName;
    private readonly RequestBatcher<Dictionary<string, AttributeValue>, Dictionary<string, AttributeValue>?> batcher;

    public ItemReads(IAmazonDynamoDB client, string tableName)
    {
        this.client = client;
        this.tableName = tableName;
        batcher = new(MaxKeys, Read);
    }

    /// <summary>The item with this key, or null.</summary>
    public Task<Dictionary<string, AttributeValue>?> Get(Dictionary<string, AttributeValue> key, CancellationToken cancellationToken) =>
        batcher.Add(key, cancellationToken);

    public Task WhenIdle() => batcher.WhenIdle();

    /// <summary>One call for all <paramref name="keys"/>: the batcher's, and the tests' to reach BatchGetItem at will.</summary>
    internal async Task<Dictionary<string, AttributeValue>?[]> Read(IReadOnlyList<Dictionary<string, AttributeValue>> keys)
    {
        if (keys.Count == 1)
        {
            var response = await client.GetItemAsync(new GetItemRequest { TableName = tableName, Key = keys[0], ConsistentRead = true });
            return [response.Item is { Count: > 0 } item ? item : null];
        }

        var found = new Dictionary<(string, string), Dictionary<string, AttributeValue>>();
        // BatchGetItem refuses a key that appears twice; two messages may well read the same item.
        KeysAndAttributes? request = new() { Keys = [.. keys.DistinctBy(ItemKeys.Of)], ConsistentRead = true };
        for (var attempt = 0; request is { Keys.Count: > 0 }; attempt++)
        {
            if (attempt > 0)
            {
                await Unprocessed.Backoff(attempt, "keys");
            }

            var response = await client.BatchGetItemAsync(new BatchGetItemRequest { RequestItems = new() { [tableName] = request } });
            foreach (var item in response.Responses?.GetValueOrDefault(tableName) ?? [])
            {
                found[ItemKeys.Of(item)] = item;
            }

            request = response.UnprocessedKeys?.GetValueOrDefault(tableName);
        }

        return [.. keys.Select(key => found.GetValueOrDefault(ItemKeys.Of(key)))];
    }
}
