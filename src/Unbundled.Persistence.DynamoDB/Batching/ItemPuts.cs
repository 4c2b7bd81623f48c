using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Unbundled.Messaging.Batching;

namespace Unbundled.Persistence.DynamoDB.Batching;

/// <summary>
/// Unconditional puts, coalesced like <see cref="ItemReads"/>: a lone put is a <c>PutItem</c>, puts that arrive while another
/// call is in flight go together in one <c>BatchWriteItem</c> (up to 25). BatchWriteItem takes no conditions, so only
/// writes that need none come here: the outbox's dispatched markers. After a batch of several, the next gathers for a
/// moment first (<see cref="RequestBatcher{TItem,TResult}.PauseUnderLoad"/>).
/// </summary>
internal sealed class ItemPuts
{
    /// <summary>DynamoDB refuses a BatchWriteItem with more requests.</summary>
    private const int MaxItems = 25;

    /// <summary>What an unconditional put calls: PutItem alone, BatchWriteItem together (an action of its own).</summary>
    public static IEnumerable<string> Actions => ["dynamodb:BatchWriteItem", "dynamodb:PutItem"];

    private readonly IAmazonDynamoDB client;
    private readonly string tableName;
    private readonly RequestBatcher<Dictionary<string, AttributeValue>, bool> batcher;

    public ItemPuts(IAmazonDynamoDB client, string tableName)
    {
        this.client = client;
        this.tableName = tableName;
        // Nobody waits on a marker but the message's delete: under load, gathering for a moment more saves requests.
        batcher = new(MaxItems, Write) { PauseUnderLoad = TimeSpan.FromMilliseconds(2) };
    }

    /// <summary>Writes (or replaces) the item; the task ends when DynamoDB has it.</summary>
    public Task Put(Dictionary<string, AttributeValue> item, CancellationToken cancellationToken) => batcher.Add(item, cancellationToken);

    public Task WhenIdle() => batcher.WhenIdle();

    /// <summary>One call for all <paramref name="items"/>: the batcher's, and the tests' to reach BatchWriteItem at will.</summary>
    internal async Task<bool[]> Write(IReadOnlyList<Dictionary<string, AttributeValue>> items)
    {
        if (items.Count == 1)
        {
            await client.PutItemAsync(new PutItemRequest { TableName = tableName, Item = items[0] });
            return [true];
        }

        // BatchWriteItem refuses two requests for one key; of two puts of one item the later one is what a sequence of
        // PutItems would have left.
        List<WriteRequest>? requests = [.. items
            .Select((item, index) => (item, index))
            .GroupBy(entry => ItemKeys.Of(entry.item))
            .Select(group => new WriteRequest(new PutRequest(group.MaxBy(entry => entry.index).item)))];
        for (var attempt = 0; requests is { Count: > 0 }; attempt++)
        {
            if (attempt > 0)
            {
                await Unprocessed.Backoff(attempt, "items");
            }

            var response = await client.BatchWriteItemAsync(new BatchWriteItemRequest { RequestItems = new() { [tableName] = requests } });
            requests = response.UnprocessedItems?.GetValueOrDefault(tableName);
        }

        return [.. items.Select(_ => true)];
    }
}
