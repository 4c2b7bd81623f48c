namespace Unbundled.Messaging.Outbox;

/// <summary>
/// Remembers, per incoming message id, the messages its handlers sent and whether they were dispatched. A redelivered
/// message whose record <see cref="Get"/> finds re-sends the same messages (same ids) instead of running the handlers
/// again. Not every store can find every record: DynamoDB's rides on the handler's single conditional write and is found
/// only once marked dispatched, so a redelivery before that runs the handlers again, and a decider that repeats its
/// decision is what makes it harmless (docs/outbox.md).
/// </summary>
public interface IOutboxStorage
{
    Task<OutboxRecord?> Get(string messageId, CancellationToken cancellationToken = default);

    /// <summary>Starts the unit of work the handlers write through; it is the message's synchronized storage session.</summary>
    Task<IOutboxTransaction> BeginTransaction(CancellationToken cancellationToken = default);

    /// <summary>Stores the record in the transaction; must fail when a record for the same message id already exists.</summary>
    Task Store(OutboxRecord record, IOutboxTransaction transaction, CancellationToken cancellationToken = default);

    Task SetAsDispatched(string messageId, CancellationToken cancellationToken = default);
}
