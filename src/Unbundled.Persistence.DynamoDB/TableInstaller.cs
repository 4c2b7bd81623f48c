using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.Logging;
using Unbundled.Persistence.DynamoDB.Outbox;

namespace Unbundled.Persistence.DynamoDB;

/// <summary>
/// Creates the table (on-demand billing, string keys PK/SK), waits until it is ACTIVE and enables TTL on <c>ExpiresAt</c>.
/// Every endpoint installs at start-up, often several at once: losing the race to create is fine, and so is finding TTL on.
/// </summary>
internal sealed class TableInstaller(DynamoDbTable table, ILogger logger)
{
    private static readonly TimeSpan ActiveTimeout = TimeSpan.FromMinutes(5);

    /// <summary>What installing calls on the table: create it, wait for ACTIVE, and look at and turn on TTL.</summary>
    public static IEnumerable<string> Actions => ["dynamodb:CreateTable", "dynamodb:DescribeTable", "dynamodb:DescribeTimeToLive", "dynamodb:UpdateTimeToLive"];

    private readonly Lock sync = new();
    private Task? installation;

    /// <summary>Endpoints of one process share one installation; a failed one is tried again by the next caller.</summary>
    public Task Install(CancellationToken cancellationToken)
    {
        lock (sync)
        {
            if (installation is null || installation.IsFaulted || installation.IsCanceled)
            {
                installation = InstallOnce(cancellationToken);
            }

            return installation;
        }
    }

    private async Task InstallOnce(CancellationToken cancellationToken)
    {
        await CreateIfMissing(cancellationToken);
        EnsureKeySchema(await WaitUntilActive(cancellationToken));
        await EnableTimeToLive(cancellationToken);
    }

    private async Task CreateIfMissing(CancellationToken cancellationToken)
    {
        try
        {
            await table.Client.CreateTableAsync(
                new CreateTableRequest
                {
                    TableName = table.Name,
                    BillingMode = BillingMode.PAY_PER_REQUEST,
                    AttributeDefinitions =
                    [
                        new AttributeDefinition(ItemKeys.PartitionKey, ScalarAttributeType.S),
                        new AttributeDefinition(ItemKeys.SortKey, ScalarAttributeType.S),
                    ],
                    KeySchema = [new KeySchemaElement(ItemKeys.PartitionKey, KeyType.HASH), new KeySchemaElement(ItemKeys.SortKey, KeyType.RANGE)],
                },
                cancellationToken);
            logger.LogInformation("Created DynamoDB table {Table}", table.Name);
        }
        catch (ResourceInUseException)
        {
            // It exists already, or another process is creating it right now: either way, wait for ACTIVE.
        }
    }

    private async Task<TableDescription> WaitUntilActive(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ActiveTimeout);
        var delay = TimeSpan.FromMilliseconds(100);
        while (true)
        {
            var description = (await table.Client.DescribeTableAsync(new DescribeTableRequest { TableName = table.Name }, timeout.Token)).Table;
            if (description.TableStatus == TableStatus.ACTIVE)
            {
                return description;
            }

            await Task.Delay(delay, timeout.Token);
            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 2000));
        }
    }

    private void EnsureKeySchema(TableDescription description)
    {
        var keys = (description.KeySchema ?? []).Select(k => (k.AttributeName, k.KeyType.Value)).ToList();
        if (!keys.SequenceEqual([(ItemKeys.PartitionKey, KeyType.HASH.Value), (ItemKeys.SortKey, KeyType.RANGE.Value)]))
        {
            throw new InvalidOperationException(
                $"Table {table.Name} exists with keys {string.Join(", ", keys)}; it needs PK (HASH) and SK (RANGE), both strings.");
        }
    }

    private async Task EnableTimeToLive(CancellationToken cancellationToken)
    {
        if (await IsTimeToLiveOn(cancellationToken))
        {
            return;
        }

        try
        {
            await table.Client.UpdateTimeToLiveAsync(
                new UpdateTimeToLiveRequest
                {
                    TableName = table.Name,
                    TimeToLiveSpecification = new TimeToLiveSpecification { AttributeName = OutboxAttributes.ExpiresAt, Enabled = true },
                },
                cancellationToken);
            logger.LogInformation("Enabled TTL on {Attribute} of DynamoDB table {Table}", OutboxAttributes.ExpiresAt, table.Name);
        }
        catch (AmazonDynamoDBException e) when (e.ErrorCode == "UnknownOperationException")
        {
            logger.LogWarning(
                "DynamoDB at {Endpoint} does not support UpdateTimeToLive (dynalite does not); dispatched outbox records in {Table} will not expire",
                table.Client.Config.ServiceURL ?? table.Client.Config.RegionEndpoint?.SystemName, table.Name);
        }
        catch (AmazonDynamoDBException e) when (e.ErrorCode == "ValidationException")
        {
            // Another installer may have enabled it between our look and our update; anything else is a real error.
            if (!await IsTimeToLiveOn(cancellationToken))
            {
                throw;
            }
        }
    }

    /// <summary>True when TTL is on (or being turned on) for ExpiresAt; fails when it is on for another attribute.</summary>
    private async Task<bool> IsTimeToLiveOn(CancellationToken cancellationToken)
    {
        var description = (await table.Client.DescribeTimeToLiveAsync(new DescribeTimeToLiveRequest { TableName = table.Name }, cancellationToken))
            .TimeToLiveDescription;
        var status = description?.TimeToLiveStatus;
        if (status != TimeToLiveStatus.ENABLED && status != TimeToLiveStatus.ENABLING)
        {
            return false;
        }

        return description!.AttributeName == OutboxAttributes.ExpiresAt
            ? true
            : throw new InvalidOperationException(
                $"Table {table.Name} has TTL on attribute {description.AttributeName}; the outbox needs it on {OutboxAttributes.ExpiresAt}.");
    }
}
