namespace Unbundled.Messaging.Embedded;

/// <summary>
/// A receiver's processing slots: every message in flight (claimed, accepted from a local sender, handed over in memory)
/// holds one until it is settled, so all slots free means nothing in flight.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification = "Never disposed: a handler a stop left behind releases its slot whenever it ends, and a SemaphoreSlim whose wait handle is never asked for holds nothing to dispose.")]
internal sealed class ProcessingSlots(int count)
{
    private readonly SemaphoreSlim free = new(count, count);

    public int Count => count;

    public Task Take(CancellationToken cancellationToken) => free.WaitAsync(cancellationToken);

    public bool TryTake() => free.Wait(0);

    public void Release() => free.Release();

    /// <summary>Waits until every slot is free, or the token ends the wait (false); takes none for good.</summary>
    public async Task<bool> AllFree(CancellationToken cancellationToken)
    {
        var taken = 0;
        try
        {
            for (; taken < count; taken++)
            {
                await free.WaitAsync(cancellationToken);
            }

            return true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return false;
        }
        finally
        {
            if (taken > 0)
            {
                free.Release(taken);
            }
        }
    }
}
