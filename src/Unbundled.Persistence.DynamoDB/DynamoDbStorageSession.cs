using Amazon.DynamoDBv2.Model;
using Unbundled.Messaging;
using Unbundled.Messaging.Outbox;
using Unbundled.Persistence.DynamoDB.Outbox;

namespace Unbundled.Persistence.DynamoDB;

/// <summary>
/// The unit of work of one message on DynamoDB. There is no transaction to hold the handlers' writes (dynalite has no
/// TransactWriteItems, and a transactional write costs twice a plain one), so the session buffers them and
/// <see cref="Commit"/> makes exactly one conditional put: the business item carrying the message's outbox record, or,
/// when the handlers wrote nothing, the outbox record's own item. Either the whole decision lands or none of it does.
/// </summary>
public sealed class DynamoDbStorageSession : ISynchronizedStorageSession
{
    /// <summary>What a commit calls: one conditional PutItem, of the decided item or of the outbox record's own item.</summary>
    public static IEnumerable<string> CommitActions => ["dynamodb:PutItem"];

    private readonly string endpoint;
    private PendingPut? pending;
    private OutboxRecord? record;
    private bool committed;

    internal DynamoDbStorageSession(DynamoDbTable table, string endpoint)
    {
        Table = table;
        this.endpoint = endpoint;
    }

    public DynamoDbTable Table { get; }

    /// <summary>The DynamoDB session behind a message's synchronized storage session.</summary>
    public static DynamoDbStorageSession From(ISynchronizedStorageSession session) =>
        session as DynamoDbStorageSession
        ?? throw new InvalidOperationException($"The storage session is a {session.GetType().Name}, not DynamoDB's: is the endpoint on the AWS shell?");

    /// <summary>A strongly consistent read of one item; the item this session is about to put counts as written.</summary>
    public async Task<Dictionary<string, AttributeValue>?> Find(Dictionary<string, AttributeValue> key, CancellationToken cancellationToken)
    {
        if (pending is { } put && ItemKeys.SameKey(put.Item, key))
        {
            return new Dictionary<string, AttributeValue>(put.Item);
        }

        return await Table.Read(key, cancellationToken);
    }

    /// <summary>
    /// Buffers the put of <paramref name="item"/>, made at commit only if <paramref name="condition"/> holds then.
    /// </summary>
    /// <exception cref="NotSupportedException">
    /// The session already holds a write. Two items cannot be written atomically without a transaction: the first could
    /// land and the second fail, and the redelivery would then find half a decision. A handler that needs two writes
    /// must make them one item, or be split into two messages.
    /// </exception>
    public void Put(
        Dictionary<string, AttributeValue> item, string condition, Dictionary<string, AttributeValue>? conditionValues = null)
    {
        EnsureNotCommitted();
        if (pending is not null)
        {
            throw new NotSupportedException(
                "A message's handlers may make one write on DynamoDB: without transactions a second item could not commit " +
                "atomically with the first and with the outbox record. Keep the decision in one item, or split the work into two messages.");
        }

        pending = new PendingPut(item, condition, conditionValues);
    }

    internal void Store(OutboxRecord outboxRecord)
    {
        EnsureNotCommitted();
        if (record is not null)
        {
            throw new InvalidOperationException($"The outbox record of message {record.MessageId} is already stored in this session.");
        }

        record = outboxRecord;
    }

    internal async Task Commit(CancellationToken cancellationToken)
    {
        EnsureNotCommitted();
        committed = true;
        if (pending is { } put)
        {
            await PutBusinessItem(put, cancellationToken);
        }
        else if (record is not null)
        {
            await PutOutboxItem(record, cancellationToken);
        }
    }

    /// <summary>The decision item carries the outgoing messages and a dispatched flag, and lands with one conditional put.</summary>
    private async Task PutBusinessItem(PendingPut put, CancellationToken cancellationToken)
    {
        var item = new Dictionary<string, AttributeValue>(put.Item);
        if (record is not null)
        {
            item[OutboxAttributes.Endpoint] = new AttributeValue { S = endpoint };
            item[OutboxAttributes.OutboxMessageId] = new AttributeValue { S = record.MessageId };
            item[OutboxAttributes.Operations] = OutboxAttributes.ToValue(record.Operations);
            item[OutboxAttributes.Dispatched] = OutboxAttributes.Flag(false);
        }

        var request = new PutItemRequest { TableName = Table.Name, Item = item, ConditionExpression = put.Condition };
        if (put.ConditionValues is { Count: > 0 } values)
        {
            request.ExpressionAttributeValues = values;
        }

        try
        {
            await Table.Client.PutItemAsync(request, cancellationToken);
        }
        catch (ConditionalCheckFailedException e)
        {
            // The key is left out of the message on purpose: for a claim it is an email address.
            throw new InvalidOperationException(
                $"The {put.Item[ItemKeys.SortKey].S} item this message decided on was written by another message first " +
                $"({put.Condition} no longer holds); the message is retried and its handlers see the new state.", e);
        }
    }

    private async Task PutOutboxItem(OutboxRecord outboxRecord, CancellationToken cancellationToken)
    {
        var item = ItemKeys.Outbox(endpoint, outboxRecord.MessageId);
        item[OutboxAttributes.MessageId] = new AttributeValue { S = outboxRecord.MessageId };
        item[OutboxAttributes.Operations] = OutboxAttributes.ToValue(outboxRecord.Operations);
        item[OutboxAttributes.Dispatched] = OutboxAttributes.Flag(false);
        try
        {
            await Table.Client.PutItemAsync(
                new PutItemRequest { TableName = Table.Name, Item = item, ConditionExpression = "attribute_not_exists(PK)" },
                cancellationToken);
        }
        catch (ConditionalCheckFailedException e)
        {
            throw new InvalidOperationException($"Message {outboxRecord.MessageId} was already processed by a concurrent delivery.", e);
        }
    }

    private void EnsureNotCommitted()
    {
        if (committed)
        {
            throw new InvalidOperationException("The storage session has been committed.");
        }
    }

    private sealed record PendingPut(
        Dictionary<string, AttributeValue> Item, string Condition, Dictionary<string, AttributeValue>? ConditionValues);
}
