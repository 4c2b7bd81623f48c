namespace Unbundled.Messaging.AmazonSqs.Batching;

/// <summary>
/// Coalesces concurrent requests into batch calls: while one call is in flight, requests queue up, and the next call takes
/// everything queued (up to <c>maxBatch</c>). Nothing waits to fill a batch, so a lone request goes at once, alone; under
/// load one call serves many, and the per-call CPU (marshalling, signing, HTTP) and the per-call price are paid once.
/// </summary>
/// <remarks>The DynamoDB persistence has the same few lines: a persistence must not reference a transport.</remarks>
internal sealed class RequestBatcher<TItem>(int maxBatch, Func<IReadOnlyList<TItem>, Task> execute)
{
    private readonly Lock gate = new();
    private List<Pending> pending = [];
    private bool flushing;

    /// <summary>
    /// Queues <paramref name="items"/> together, so that one dispatch's messages to one queue stay in one call when they
    /// fit; the task ends once every call that carried them returned.
    /// </summary>
    public Task AddAll(IReadOnlyList<TItem> items, CancellationToken cancellationToken)
    {
        var done = new Task[items.Count];
        bool start;
        lock (gate)
        {
            for (var i = 0; i < items.Count; i++)
            {
                var entry = new Pending(items[i], new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
                pending.Add(entry);
                done[i] = entry.Done.Task;
            }

            start = !flushing;
            flushing = true;
        }

        if (start)
        {
            // Runs on this thread up to the first call's await: an idle batcher adds no thread hop to a lone request.
            _ = Flush();
        }

        var all = done.Length == 1 ? done[0] : Task.WhenAll(done);
        return cancellationToken.CanBeCanceled ? all.WaitAsync(cancellationToken) : all;
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
                await execute([.. batch.Select(entry => entry.Item)]);
                batch.ForEach(entry => entry.Done.TrySetResult());
            }
            catch (Exception exception)
            {
                batch.ForEach(entry => entry.Done.TrySetException(exception));
            }
        }
    }

    private sealed record Pending(TItem Item, TaskCompletionSource Done);
}
