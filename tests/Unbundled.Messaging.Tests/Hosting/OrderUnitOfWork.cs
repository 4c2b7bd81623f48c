namespace Unbundled.Messaging.Tests.Hosting;

/// <summary>A scoped dependency that tells the log when it is used and when it is disposed.</summary>
public sealed class OrderUnitOfWork(UnitOfWorkLog log) : IDisposable
{
    public Guid Id { get; } = Guid.NewGuid();

    public bool IsDisposed { get; private set; }

    public void Dispose()
    {
        IsDisposed = true;
        log.Disposed(Id);
    }
}
