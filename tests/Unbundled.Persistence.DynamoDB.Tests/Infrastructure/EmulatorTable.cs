using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.Logging;
using Unbundled.Testing.Aws;

namespace Unbundled.Persistence.DynamoDB.Tests.Infrastructure;

/// <summary>
/// A table of one test's own on the shared dynalite (a unique name prefix), reached by a client of its own whose requests
/// are counted; the table is deleted on dispose so the emulator's memory stays small.
/// </summary>
public sealed class EmulatorTable : IAsyncDisposable
{
    private EmulatorTable(AmazonDynamoDBClient client, DynamoDbTable table)
    {
        Client = client;
        Table = table;
        Requests = new RequestLog(client);
    }

    public AmazonDynamoDBClient Client { get; }

    public DynamoDbTable Table { get; }

    public RequestLog Requests { get; }

    public static async Task<EmulatorTable> Create(ILogger? logger = null)
    {
        var client = await CreateClient();
        return new EmulatorTable(client, new DynamoDbTable(client, namePrefix: NamePrefix.Create(), logger: logger));
    }

    public static async Task<AmazonDynamoDBClient> CreateClient()
    {
        var emulators = await AwsEmulators.Shared();
        return new AmazonDynamoDBClient(AwsEmulators.Credentials, AwsEmulators.PointAt(new AmazonDynamoDBConfig(), emulators.DynamoDbServiceUrl));
    }

    /// <summary>Every item whose partition key starts with <paramref name="prefix"/>, such as <c>CLAIM#</c> (all with ""). Tests only: a scan.</summary>
    public async Task<IReadOnlyList<Dictionary<string, AttributeValue>>> Items(string prefix)
    {
        var scan = new ScanRequest { TableName = Table.Name, ConsistentRead = true };
        if (prefix.Length > 0)
        {
            scan.FilterExpression = "begins_with(PK, :prefix)";
            scan.ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":prefix"] = new() { S = prefix } };
        }

        return (await Client.ScanAsync(scan)).Items ?? [];
    }

    public async Task<Dictionary<string, AttributeValue>?> Item(string partitionKey, string sortKey)
    {
        var response = await Client.GetItemAsync(new GetItemRequest
        {
            TableName = Table.Name,
            ConsistentRead = true,
            Key = new Dictionary<string, AttributeValue> { ["PK"] = new() { S = partitionKey }, ["SK"] = new() { S = sortKey } },
        });
        return response.Item is { Count: > 0 } item ? item : null;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Client.DeleteTableAsync(Table.Name);
        }
        catch (ResourceNotFoundException)
        {
            // The test never installed it.
        }

        Client.Dispose();
    }
}
