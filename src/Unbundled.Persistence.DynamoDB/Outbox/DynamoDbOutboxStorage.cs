using System.Globalization;
using Amazon.DynamoDBv2.Model;
using Unbundled.Messaging.Outbox;

namespace Unbundled.Persistence.DynamoDB.Outbox;

/// <summary>
/// The outbox of one endpoint. A record is committed on the item its handlers decided on (see
/// <see cref="DynamoDbStorageSession"/>) or on its own item; once dispatched, a small marker item under the message id
/// remembers it for <c>TimeToKeepDeduplicationData</c>, and DynamoDB's TTL removes it after that.
/// </summary>
/// <remarks>
/// <see cref="Get"/> reads only the item keyed by the message id. A record carried by a business item is not found there,
/// so a redelivery after a crash between that item's put and the dispatch runs the handlers again; they find the item they
/// wrote, and a domain that answers its own earlier decision with the same outcome (as the invite decider does) sends
/// the same messages again. Nothing was dispatched the first time, so each is sent once.
/// </remarks>
internal sealed class DynamoDbOutboxStorage(DynamoDbTable table, string endpoint, TimeSpan timeToKeep) : IOutboxStorage
{
    public async Task<OutboxRecord?> Get(string messageId, CancellationToken cancellationToken = default)
    {
        var response = await table.Client.GetItemAsync(
            new GetItemRequest { TableName = table.Name, Key = ItemKeys.Outbox(endpoint, messageId), ConsistentRead = true },
            cancellationToken);
        if (response.Item is not { Count: > 0 } item)
        {
            return null;
        }

        var dispatched = OutboxAttributes.IsSet(item, OutboxAttributes.Dispatched);
        var operations = dispatched ? [] : OutboxAttributes.FromList(item.GetValueOrDefault(OutboxAttributes.Operations));
        return new OutboxRecord(messageId, operations, dispatched);
    }

    public Task<IOutboxTransaction> BeginTransaction(CancellationToken cancellationToken = default) =>
        Task.FromResult<IOutboxTransaction>(new DynamoDbOutboxTransaction(new DynamoDbStorageSession(table, endpoint)));

    public Task Store(OutboxRecord record, IOutboxTransaction transaction, CancellationToken cancellationToken = default)
    {
        ((DynamoDbOutboxTransaction)transaction).Storage.Store(record);
        return Task.CompletedTask;
    }

    /// <summary>One UpdateItem, which creates the marker when the record rode on a business item.</summary>
    public async Task SetAsDispatched(string messageId, CancellationToken cancellationToken = default)
    {
        var now = DateTimeOffset.UtcNow;
        await table.Client.UpdateItemAsync(
            new UpdateItemRequest
            {
                TableName = table.Name,
                Key = ItemKeys.Outbox(endpoint, messageId),
                UpdateExpression = "SET #id = :id, #dispatched = :true, #at = :at, #expires = :expires REMOVE #operations",
                ExpressionAttributeNames = new Dictionary<string, string>
                {
                    ["#id"] = OutboxAttributes.MessageId,
                    ["#dispatched"] = OutboxAttributes.Dispatched,
                    ["#at"] = OutboxAttributes.DispatchedAt,
                    ["#expires"] = OutboxAttributes.ExpiresAt,
                    ["#operations"] = OutboxAttributes.Operations,
                },
                ExpressionAttributeValues = new Dictionary<string, AttributeValue>
                {
                    [":id"] = new() { S = messageId },
                    [":true"] = OutboxAttributes.Flag(true),
                    [":at"] = new() { S = now.ToString("O", CultureInfo.InvariantCulture) },
                    [":expires"] = new() { N = (now + timeToKeep).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) },
                },
            },
            cancellationToken);
    }
}
