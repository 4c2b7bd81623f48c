using System.Collections.Concurrent;

namespace Unbundled.Ports;

/// <summary>
/// Saves of customer views in this process, for whoever waits to read their own writes: the API waits for the projector
/// without polling when both run in one process. Across processes nobody is told, and readers fall back to looking again.
/// </summary>
public static class ViewChanges
{
    private static readonly ConcurrentDictionary<Guid, TaskCompletionSource> Watchers = new();
    private static volatile bool anySaved;

    /// <summary>
    /// True once a view was saved in this process: a projector runs here, so a reader may expect its save to be reported
    /// and need not read to learn of it. False in an API whose projector is another process.
    /// </summary>
    public static bool SavedInThisProcess => anySaved;

    /// <summary>Starts watching <paramref name="customerId"/>; dispose to stop. Watch before reading, so no save is missed.</summary>
    public static Watch WatchFor(Guid customerId) =>
        new(customerId, Watchers.GetOrAdd(customerId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)));

    /// <summary>Called by read-model stores after a save.</summary>
    public static void Saved(Guid customerId)
    {
        anySaved = true;
        if (Watchers.TryRemove(customerId, out var watchers))
        {
            watchers.TrySetResult();
        }
    }

    public readonly struct Watch(Guid customerId, TaskCompletionSource saved) : IDisposable
    {
        public Guid CustomerId => customerId;

        /// <summary>Completes when the view is saved in this process after the watch began.</summary>
        public Task Saved => saved.Task;

        public void Dispose() => Watchers.TryRemove(new KeyValuePair<Guid, TaskCompletionSource>(customerId, saved));
    }
}
