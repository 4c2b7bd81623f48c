namespace Unbundled.Messaging.Batching;

/// <summary>
/// Coalesces concurrent requests into batch calls: while one call is in flight, requests queue up, and the next call takes
/// everything queued (up to <c>maxBatch</c>). Nothing waits to fill a batch, so a lone request goes at once, alone; under
/// load one call serves many, and its per-call cost (a round trip, signing, a transaction's commit) is paid once for all
/// of them. Transports and persistences use it for sends, reads, puts and writes alike.
/// </summary>
public sealed class RequestBatcher<TItem, TResult>(int maxBatch, Func<IReadOnlyList<TItem>, Task<TResult[]>> execute)
{
    private readonly Lock gate = new();
    private List<Pending> pending = [];
    private bool flushing;
    private TaskCompletionSource? idle;

    /// <summary>
    /// After a call that carried several requests (a sign of load), how long the next call waits for more to gather, when
    /// some but not a full batch are waiting. Zero (the default) never waits. A call that carried one never makes the next
    /// wait, so at low load every request still goes at once; only for requests nobody waits on for an answer (deletes,
    /// markers).
    /// </summary>
    public TimeSpan PauseUnderLoad { get; init; }

    /// <summary>The clock of <see cref="PauseUnderLoad"/>.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Queues <paramref name="item"/>; the task ends with its own result once the call that carried it returns.</summary>
    public Task<TResult> Add(TItem item, CancellationToken cancellationToken = default)
    {
        var done = new TaskCompletionSource<TResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        Enqueue(() => pending.Add(new Pending(item, done)));
        return cancellationToken.CanBeCanceled ? done.Task.WaitAsync(cancellationToken) : done.Task;
    }

    /// <summary>
    /// Queues <paramref name="items"/> together, so that they stay in one call when they fit; the task ends once every
    /// call that carried them returned.
    /// </summary>
    public Task AddAll(IReadOnlyList<TItem> items, CancellationToken cancellationToken = default)
    {
        var done = new Task[items.Count];
        Enqueue(() =>
        {
            for (var i = 0; i < items.Count; i++)
            {
                var entry = new Pending(items[i], new TaskCompletionSource<TResult>(TaskCreationOptions.RunContinuationsAsynchronously));
                pending.Add(entry);
                done[i] = entry.Done.Task;
            }
        });
        var all = done.Length == 1 ? done[0] : Task.WhenAll(done);
        return cancellationToken.CanBeCanceled ? all.WaitAsync(cancellationToken) : all;
    }

    /// <summary>The requests waiting for the next batch while one is under way (what a test waits on; off the hot path).</summary>
    public int Waiting
    {
        get
        {
            lock (gate)
            {
                return pending.Count;
            }
        }
    }

    /// <summary>
    /// Completes once every queued request has been carried by a call that returned: what a stop awaits before it
    /// releases the client, so that no request a caller stopped waiting for (its token cancelled) is cut off mid-way.
    /// </summary>
    public Task WhenIdle()
    {
        lock (gate)
        {
            return flushing ? (idle ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task : Task.CompletedTask;
        }
    }

    private void Enqueue(Action addPending)
    {
        bool start;
        lock (gate)
        {
            addPending();
            start = !flushing;
            flushing = true;
        }

        if (start)
        {
            // Runs on this thread up to the first call's await: an idle batcher adds no thread hop to a lone request.
            _ = Flush();
        }
    }

    private async Task Flush()
    {
        var lastCount = 0;
        while (true)
        {
            if (lastCount > 1 && PauseUnderLoad > TimeSpan.Zero && Waiting is var waiting && waiting > 0 && waiting < maxBatch)
            {
                await Task.Delay(PauseUnderLoad, Time);
            }

            List<Pending> batch;
            lock (gate)
            {
                if (pending.Count == 0)
                {
                    flushing = false;
                    idle?.TrySetResult();
                    idle = null;
                    return;
                }

                batch = pending.Count <= maxBatch ? pending : pending[..maxBatch];
                pending = pending.Count <= maxBatch ? [] : pending[maxBatch..];
            }

            lastCount = batch.Count;
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

/// <summary>A <see cref="RequestBatcher{TItem,TResult}"/> for calls that return nothing per request.</summary>
/// <param name="pauseUnderLoad">See <see cref="RequestBatcher{TItem,TResult}.PauseUnderLoad"/>.</param>
public sealed class RequestBatcher<TItem>(int maxBatch, Func<IReadOnlyList<TItem>, Task> execute, TimeSpan pauseUnderLoad = default)
{
    private readonly RequestBatcher<TItem, bool> batcher = new(maxBatch, async items =>
    {
        await execute(items);
        return new bool[items.Count];
    })
    {
        PauseUnderLoad = pauseUnderLoad,
    };

    /// <inheritdoc cref="RequestBatcher{TItem,TResult}.Add"/>
    public Task Add(TItem item, CancellationToken cancellationToken = default) => batcher.Add(item, cancellationToken);

    /// <inheritdoc cref="RequestBatcher{TItem,TResult}.AddAll"/>
    public Task AddAll(IReadOnlyList<TItem> items, CancellationToken cancellationToken = default) => batcher.AddAll(items, cancellationToken);

    /// <inheritdoc cref="RequestBatcher{TItem,TResult}.WhenIdle"/>
    public Task WhenIdle() => batcher.WhenIdle();
}
