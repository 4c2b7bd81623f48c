namespace Unbundled.Messaging.Embedded;

/// <summary>
/// Subscriptions as empty files, <c>.subscriptions/{event type full name}/{subscriber queue}</c>, so every process
/// sharing the root sees them. Like SNS topics on SQS, an event reaches the subscribers of its most concrete type.
/// </summary>
internal sealed class SubscriptionStore(string root)
{
    private readonly string path = Path.Combine(root, ".subscriptions");

    public void Subscribe(Type eventType, string queue)
    {
        var folder = FolderOf(eventType);
        Directory.CreateDirectory(folder);
        File.WriteAllBytes(Path.Combine(folder, queue), []);
    }

    public void Unsubscribe(Type eventType, string queue) => File.Delete(Path.Combine(FolderOf(eventType), queue));

    public IEnumerable<string> SubscribersOf(Type eventType)
    {
        var folder = FolderOf(eventType);
        return Directory.Exists(folder) ? Directory.EnumerateFiles(folder).Select(file => Path.GetFileName(file)) : [];
    }

    private string FolderOf(Type eventType) => Path.Combine(path, QueueNames.Sanitize(eventType.FullName!));
}
