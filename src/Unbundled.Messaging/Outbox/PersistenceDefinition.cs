namespace Unbundled.Messaging.Outbox;

/// <summary>The persistence seam: storage for idempotent processing (the outbox) of one endpoint.</summary>
public abstract class PersistenceDefinition
{
    /// <summary>The outbox of <paramref name="endpointName"/>; records are kept per endpoint because one event reaches many.</summary>
    public abstract IOutboxStorage CreateOutboxStorage(string endpointName);

    /// <summary>Creates tables or files; called when installers are enabled.</summary>
    public virtual Task Install(CancellationToken cancellationToken = default) => Task.CompletedTask;
}
