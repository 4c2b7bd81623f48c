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
        if (await table.Read(ItemKeys.Outbox(endpoint, messageId), cancellationToken) is not { } item)
        {
            return null;
        }

        var dispatched = OutboxAttributes.IsSet(item, OutboxAttributes.Dispatched);
        var operations = dispatched ? [] : OutboxAttributes.FromValue(item.GetValueOrDefault(OutboxAttributes.Operations));
        return new OutboxRecord(messageId, operations, dispatched);
    }

    public Task<IOutboxTransaction> BeginTransaction(CancellationToken cancellationToken = default) =>
        Task.FromResult<IOutboxTransaction>(new DynamoDbOutboxTransaction(new DynamoDbStorageSession(table, endpoint)));

    public Task Store(OutboxRecord record, IOutboxTransaction transaction, CancellationToken cancellationToken = default)
    {
        ((DynamoDbOutboxTransaction)transaction).Storage.Store(record);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Puts the small marker item, replacing the outbox item when the record had one of its own (which drops its
    /// operations) and creating it when the record rode on a business item. A whole-item put needs no condition and leaves
    /// what an update of the same attributes would, so markers of concurrent messages share one BatchWriteItem. The task
    /// ends only once DynamoDB has the marker: the transport deletes the message after that, never before.
    /// </summary>
    public Task SetAsDispatched(string messageId, CancellationToken cancellationToken = default) =>
        table.Overwrite(Marker(messageId, table.Time.GetUtcNow()), cancellationToken);

    /// <summary>The whole marker item: the message id, dispatched, when, and when TTL may remove it.</summary>
    internal Dictionary<string, AttributeValue> Marker(string messageId, DateTimeOffset now)
    {
        var marker = ItemKeys.Outbox(endpoint, messageId);
        marker[OutboxAttributes.MessageId] = new AttributeValue { S = messageId };
        marker[OutboxAttributes.Dispatched] = OutboxAttributes.Flag(true);
        marker[OutboxAttributes.DispatchedAt] = new AttributeValue { S = now.ToString("O", CultureInfo.InvariantCulture) };
        marker[OutboxAttributes.ExpiresAt] = new AttributeValue { N = (now + timeToKeep).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) };
        return marker;
    }
}
