namespace Unbundled.Messaging.Outbox;

/// <summary>A unit of work holding the handlers' writes and the outbox record; disposing without commit rolls back.</summary>
public interface IOutboxTransaction : ISynchronizedStorageSession, IAsyncDisposable
{
    Task Commit(CancellationToken cancellationToken = default);
}
