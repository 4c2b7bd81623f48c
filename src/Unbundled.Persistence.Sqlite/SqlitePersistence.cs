using Unbundled.Messaging.Outbox;

namespace Unbundled.Persistence.Sqlite;

/// <summary>The outbox on SQLite, in the same database file as the business tables so both commit in one transaction.</summary>
public sealed class SqlitePersistence(SqliteDatabase database) : PersistenceDefinition
{
    /// <summary>How long dispatched outbox records are kept to recognise redeliveries; NServiceBus's default is 7 days.</summary>
    public TimeSpan TimeToKeepDeduplicationData { get; init; } = TimeSpan.FromDays(7);

    public override IOutboxStorage CreateOutboxStorage(string endpointName) =>
        new SqliteOutboxStorage(database, endpointName, TimeToKeepDeduplicationData);

    public override Task Install(CancellationToken cancellationToken = default) => database.Install(cancellationToken);

    public override Task WhenIdle() => BatchedWrites.WhenIdle(database);
}
