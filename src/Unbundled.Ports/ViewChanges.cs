using System.Collections.Concurrent;

namespace Unbundled.Ports;

/// <summary>
/// Saves of customer views in this process, for whoever waits to read their own writes: the API waits for the projector
/// without polling when both run in one process. One per process scope (docs/process-scope.md), told of every save by
/// <see cref="NotifyingCustomerViews"/>; across processes nobody is told, and readers fall back to looking again.
/// </summary>
public sealed class ViewChanges
{
    private readonly ConcurrentDictionary<Guid, TaskCompletionSource> watchers = new();
    private volatile bool anySaved;

    /// <summary>
    /// True once a view was saved in this process: a projector runs here, so a reader may expect its save to be reported
    /// and need not read to learn of it. False in an API whose projector is another process.
    /// </summary>
    public bool SavedInThisProcess => anySaved;

    /// <summary>Starts watching <paramref name="customerId"/>; dispose to stop. Watch before reading, so no save is missed.</summary>
    public Watch WatchFor(Guid customerId) =>
        new(this, customerId, watchers.GetOrAdd(customerId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)));

    /// <summary>Called after a save (by <see cref="NotifyingCustomerViews"/>).</summary>
    public void Saved(Guid customerId)
    {
        anySaved = true;
        if (watchers.TryRemove(customerId, out var saved))
        {
            saved.TrySetResult();
        }
    }

    public readonly struct Watch(ViewChanges changes, Guid customerId, TaskCompletionSource saved) : IDisposable
    {
        public Guid CustomerId => customerId;

        /// <summary>Completes when the view is saved in this process after the watch began.</summary>
        public Task Saved => saved.Task;

        public void Dispose() => changes.watchers.TryRemove(new KeyValuePair<Guid, TaskCompletionSource>(customerId, saved));
    }
}
