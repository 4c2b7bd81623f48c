using System.Collections.Concurrent;

namespace Unbundled.Messaging.Embedded;

/// <summary>The queue folders under one root, created on first use and cached.</summary>
internal sealed class QueueStore(string root, TimeProvider time, EmbeddedProcess process)
{
    private readonly ConcurrentDictionary<string, QueueFolder> folders = new(StringComparer.Ordinal);

    public string Root => root;

    public QueueFolder Get(string queueName) =>
        folders.GetOrAdd(QueueNames.Sanitize(queueName), name => new QueueFolder(root, name, time, process));
}
