namespace Unbundled.Messaging.Outbox;

/// <summary>A unit of work holding the handlers' writes and the outbox record; disposing without commit rolls back.</summary>
public interface IOutboxTransaction : IAsyncDisposable
{
    /// <summary>
    /// What handlers write through. Kept apart from the transaction because handler scopes hand it out through DI, and a
    /// DI scope disposes what it hands out: the session must not own the connection.
    /// </summary>
    ISynchronizedStorageSession Session { get; }

    Task Commit(CancellationToken cancellationToken = default);
}
