using System.Collections.Concurrent;

namespace Unbundled.Messaging.Metrics;

/// <summary>Collects ProcessingTime, CriticalTime and Retries between two reports; lock-free, one small struct per sample.</summary>
internal sealed class MetricsRecorder
{
    public const string ProcessingTime = "ProcessingTime";
    public const string CriticalTime = "CriticalTime";
    public const string Retries = "Retries";
    public const string QueueLength = "QueueLength";

    private readonly ConcurrentDictionary<string, ConcurrentQueue<MetricEntry>> streams = new(StringComparer.Ordinal);

    public void Record(string metric, DateTimeOffset at, string tag, long value) =>
        streams.GetOrAdd(metric, _ => new ConcurrentQueue<MetricEntry>()).Enqueue(new MetricEntry(at.UtcTicks, tag, value));

    /// <summary>What a successful processing tells: how long the handlers took and how long after sending it ended.</summary>
    public void Processed(IReadOnlyDictionary<string, string> headers, DateTimeOffset started, DateTimeOffset ended)
    {
        if (!headers.TryGetValue(Headers.EnclosedMessageTypes, out var tag))
        {
            return;
        }

        Record(ProcessingTime, ended, tag, (long)(ended - started).TotalMilliseconds);
        var sent = headers.TryGetValue(Headers.DeliverAt, out var deliverAt) ? deliverAt : headers.GetValueOrDefault(Headers.TimeSent);
        if (sent is not null && TryParse(sent) is { } sentAt)
        {
            Record(CriticalTime, ended, tag, (long)(ended - sentAt).TotalMilliseconds);
        }
    }

    /// <summary>Takes everything recorded for <paramref name="metric"/> so far, in chunks a message can carry.</summary>
    public IEnumerable<List<MetricEntry>> Drain(string metric)
    {
        if (!streams.TryGetValue(metric, out var queue))
        {
            yield break;
        }

        var chunk = new List<MetricEntry>();
        while (queue.TryDequeue(out var entry))
        {
            chunk.Add(entry);
            if (chunk.Count == TaggedLongValueWriter.MaxEntriesPerMessage)
            {
                yield return chunk;
                chunk = [];
            }
        }

        if (chunk.Count > 0)
        {
            yield return chunk;
        }
    }

    private static DateTimeOffset? TryParse(string wireDate)
    {
        try
        {
            return WireDate.ToUtcDateTimeOffset(wireDate);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
