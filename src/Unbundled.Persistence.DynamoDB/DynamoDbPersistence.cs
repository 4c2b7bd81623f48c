using Unbundled.Messaging.Outbox;
using Unbundled.Persistence.DynamoDB.Outbox;

namespace Unbundled.Persistence.DynamoDB;

/// <summary>
/// The outbox on DynamoDB, in the same table as the business items so that a decision and its outgoing messages land in
/// one conditional put. See the project's README for the table layout and what each message costs.
/// </summary>
public sealed class DynamoDbPersistence(DynamoDbTable table) : PersistenceDefinition
{
    public DynamoDbTable Table => table;

    /// <summary>How long dispatched outbox records are kept to recognise redeliveries; NServiceBus's default is 7 days.</summary>
    public TimeSpan TimeToKeepDeduplicationData { get; init; } = TimeSpan.FromDays(7);

    public override IOutboxStorage CreateOutboxStorage(string endpointName) =>
        new DynamoDbOutboxStorage(table, endpointName, TimeToKeepDeduplicationData);

    public override Task Install(CancellationToken cancellationToken = default) => table.Install(cancellationToken);

    public override Task WhenIdle() => Task.WhenAll(table.Reads.WhenIdle(), table.Puts.WhenIdle());
}
