namespace Unbundled.Messaging.Outbox;

/// <summary>The persistence seam: storage for idempotent processing (the outbox) of one endpoint.</summary>
public abstract class PersistenceDefinition
{
    /// <summary>The outbox of <paramref name="endpointName"/>; records are kept per endpoint because one event reaches many.</summary>
    public abstract IOutboxStorage CreateOutboxStorage(string endpointName);

    /// <summary>Creates tables or files; called when installers are enabled.</summary>
    public virtual Task Install(CancellationToken cancellationToken = default) => Task.CompletedTask;

    /// <summary>
    /// Completes once the writes queued so far have gone out, also those whose callers stopped waiting: a stop awaits it
    /// (docs/stopping.md). Persistences that write straight away have nothing to wait for.
    /// </summary>
    public virtual Task WhenIdle() => Task.CompletedTask;
}
