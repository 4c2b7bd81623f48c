using System.Collections.Concurrent;

namespace Unbundled.Messaging.AmazonSqs.Receiving;

/// <summary>
/// The receipt handles of the messages a receiver took and has not settled (deleted or given back). Exactly one party
/// settles each: its processing when it ends, or the stop, which gives back at once what is still unfinished when the
/// handlers' time is over; a handler that ends after that leaves its message alone (it is someone else's by then).
/// </summary>
internal sealed class UnfinishedMessages
{
    private readonly ConcurrentDictionary<string, bool> handles = new(StringComparer.Ordinal);

    public void Add(string receiptHandle) => handles.TryAdd(receiptHandle, true);

    /// <summary>True when the caller may settle the message: the stop has not given it back.</summary>
    public bool TrySettle(string receiptHandle) => handles.TryRemove(receiptHandle, out _);

    /// <summary>Takes every unsettled message away from its processing, for the stop to give back.</summary>
    public IReadOnlyList<string> TakeAll() => [.. handles.Keys.Where(TrySettle)];
}
