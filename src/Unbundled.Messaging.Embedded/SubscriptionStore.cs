using System.Collections.Concurrent;

namespace Unbundled.Messaging.Embedded;

/// <summary>
/// Subscriptions as empty files, <c>.subscriptions/{event type full name}/{subscriber queue}</c>, so every process
/// sharing the root sees them. Like SNS topics on SQS, an event reaches the subscribers of its most concrete type.
/// Publishers cache the list for a second: a subscriber that starts in another process gets events a moment later.
/// </summary>
internal sealed class SubscriptionStore(string root)
{
    private static readonly TimeSpan CacheTime = TimeSpan.FromSeconds(1);

    private readonly string path = Path.Combine(root, ".subscriptions");
    private readonly ConcurrentDictionary<Type, (string[] Subscribers, long Until)> cache = new();

    public void Subscribe(Type eventType, string queue)
    {
        var folder = FolderOf(eventType);
        Directory.CreateDirectory(folder);
        File.WriteAllBytes(Path.Combine(folder, queue), []);
        cache.TryRemove(eventType, out _);
    }

    public void Unsubscribe(Type eventType, string queue)
    {
        File.Delete(Path.Combine(FolderOf(eventType), queue));
        cache.TryRemove(eventType, out _);
    }

    public IReadOnlyList<string> SubscribersOf(Type eventType)
    {
        var now = Environment.TickCount64;
        if (cache.TryGetValue(eventType, out var cached) && cached.Until > now)
        {
            return cached.Subscribers;
        }

        var folder = FolderOf(eventType);
        string[] subscribers = Directory.Exists(folder) ? [.. Directory.EnumerateFiles(folder).Select(file => Path.GetFileName(file))] : [];
        cache[eventType] = (subscribers, now + (long)CacheTime.TotalMilliseconds);
        return subscribers;
    }

    private string FolderOf(Type eventType) => Path.Combine(path, QueueNames.Sanitize(eventType.FullName!));
}
