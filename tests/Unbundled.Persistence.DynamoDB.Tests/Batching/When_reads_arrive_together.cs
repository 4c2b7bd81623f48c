using Amazon.DynamoDBv2.Model;
using Unbundled.Persistence.DynamoDB.Tests.Infrastructure;
using Xunit;

namespace Unbundled.Persistence.DynamoDB.Tests.Batching;

/// <summary>
/// Several messages read items at the same moment and the reads queued behind one in flight go as one BatchGetItem
/// (when they queue is the concern of the messaging core's <c>RequestBatcherTests</c>): each must get its own item, or null.
/// </summary>
public sealed class When_reads_arrive_together : IAsyncLifetime
{
    private EmulatorTable table = null!;

    public async Task InitializeAsync()
    {
        table = await EmulatorTable.Create();
        await table.Table.Install();
        await Put("CUSTOMER#a", "first");
        await Put("CUSTOMER#b", "second");
        table.Requests.Clear();
    }

    public async Task DisposeAsync() => await table.DisposeAsync();

    [Fact]
    public async Task Should_give_each_read_its_own_item_from_one_BatchGetItem()
    {
        var keys = new[] { Key("CUSTOMER#a"), Key("CUSTOMER#b"), Key("CUSTOMER#missing"), Key("CUSTOMER#a") };

        var items = await table.Table.Reads.Read(keys);

        Assert.Equal(["first", "second", null, "first"], items.Select(item => item?["Email"].S));
        Assert.Equal("BatchGetItem×1", table.Requests.Summary());
    }

    [Fact]
    public async Task Should_read_a_lone_item_with_GetItem()
    {
        var item = await Read("CUSTOMER#b");

        Assert.Equal("second", item?["Email"].S);
        Assert.Equal("GetItem×1", table.Requests.Summary());
    }

    private Task<Dictionary<string, AttributeValue>?> Read(string partitionKey) =>
        table.Table.Read(Key(partitionKey), CancellationToken.None);

    private async Task Put(string partitionKey, string email)
    {
        var item = Key(partitionKey);
        item["Email"] = new AttributeValue { S = email };
        await table.Client.PutItemAsync(new PutItemRequest { TableName = table.Table.Name, Item = item });
    }

    private static Dictionary<string, AttributeValue> Key(string partitionKey) => new()
    {
        ["PK"] = new AttributeValue { S = partitionKey },
        ["SK"] = new AttributeValue { S = "VIEW" },
    };
}
