namespace Unbundled.Persistence.DynamoDB.Batching;

/// <summary>
/// Coalesces concurrent requests into batch calls: while one call is in flight, requests queue up, and the next call takes
/// everything queued (up to <c>maxBatch</c>). Nothing waits to fill a batch, so a lone request goes at once, alone; under
/// load one call serves many, and the SDK's per-call CPU (marshalling, signing, HTTP) is paid once for all of them.
/// </summary>
/// <remarks>
/// The transport's <c>RequestBatcher</c> is the same few lines: a persistence must not reference a transport.
/// </remarks>
internal sealed class RequestBatcher<TItem, TResult>(int maxBatch, Func<IReadOnlyList<TItem>, Task<TResult[]>> execute)
{
    private readonly Lock gate = new();
    private List<Pending> pending = [];
    private bool flushing;

    /// <summary>Queues <paramref name="item"/>; the task ends with its own result once the call that carried it returns.</summary>
    public Task<TResult> Add(TItem item, CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource<TResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        bool start;
        lock (gate)
        {
            pending.Add(new Pending(item, done));
            start = !flushing;
            flushing = true;
        }

        if (start)
        {
            // Runs on this thread up to the first call's await: an idle batcher adds no thread hop to a lone request.
            _ = Flush();
        }

        return cancellationToken.CanBeCanceled ? done.Task.WaitAsync(cancellationToken) : done.Task;
    }

    private async Task Flush()
    {
        while (true)
        {
            List<Pending> batch;
            lock (gate)
            {
                if (pending.Count == 0)
                {
                    flushing = false;
                    return;
                }

                batch = pending.Count <= maxBatch ? pending : pending[..maxBatch];
                pending = pending.Count <= maxBatch ? [] : pending[maxBatch..];
            }

            try
            {
                var results = await execute([.. batch.Select(entry => entry.Item)]);
                for (var i = 0; i < batch.Count; i++)
                {
                    batch[i].Done.TrySetResult(results[i]);
                }
            }
            catch (Exception exception)
            {
                batch.ForEach(entry => entry.Done.TrySetException(exception));
            }
        }
    }

    private sealed record Pending(TItem Item, TaskCompletionSource<TResult> Done);
}
