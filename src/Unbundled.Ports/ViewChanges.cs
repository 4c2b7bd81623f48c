using System.Collections.Concurrent;

namespace Unbundled.Ports;

/// <summary>
/// Saves of customer views in this process, for whoever waits to read their own writes: the API waits for the projector
/// without polling when both run in one process. Across processes nobody is told, and readers fall back to looking again.
/// </summary>
public static class ViewChanges
{
    private static readonly ConcurrentDictionary<Guid, TaskCompletionSource> Watchers = new();

    /// <summary>Starts watching <paramref name="customerId"/>; dispose to stop. Watch before reading, so no save is missed.</summary>
    public static Watch WatchFor(Guid customerId) =>
        new(customerId, Watchers.GetOrAdd(customerId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)));

    /// <summary>Called by read-model stores after a save.</summary>
    public static void Saved(Guid customerId)
    {
        if (Watchers.TryRemove(customerId, out var watchers))
        {
            watchers.TrySetResult();
        }
    }

    public readonly struct Watch(Guid customerId, TaskCompletionSource saved) : IDisposable
    {
        public Task Saved => saved.Task;

        public void Dispose() => Watchers.TryRemove(new KeyValuePair<Guid, TaskCompletionSource>(customerId, saved));
    }
}
