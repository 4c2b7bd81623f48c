namespace Unbundled.Persistence.Sqlite;

/// <summary>
/// The versions one views instance read, for its checked saves. A scope reads one customer, seldom two, and an API
/// request's resolvers may read at once: an immutable list swapped in without a lock costs one small node per read,
/// where a concurrent dictionary cost a kilobyte per message.
/// </summary>
internal sealed class ReadVersions
{
    private Node? read;

    public void Remember(Guid customerId, long version)
    {
        Node? seen, next;
        do
        {
            seen = Volatile.Read(ref read);
            next = new Node(customerId, version, seen);
        }
        while (Interlocked.CompareExchange(ref read, next, seen) != seen);
    }

    /// <summary>The version last read of <paramref name="customerId"/>, 0 when none was (or a failed save forgot it).</summary>
    public long Of(Guid customerId)
    {
        for (var node = Volatile.Read(ref read); node is not null; node = node.Next)
        {
            if (node.CustomerId == customerId)
            {
                return node.Version;
            }
        }

        return 0;
    }

    private sealed record Node(Guid CustomerId, long Version, Node? Next);
}
