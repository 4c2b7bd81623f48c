using System.Text;

namespace Unbundled.Messaging.Metrics;

/// <summary>
/// NServiceBus.Metrics.ServiceControl's TaggedLongValueWriterV1 (wire-format §6.4), little-endian as .NET's BinaryWriter:
/// version 1 (int64), the smallest ticks (int64), the tag table (int32 count; per tag int32 id from 1, int32 length,
/// UTF-8 bytes), then the entries sorted by ticks (int32 count; per entry int32 ticks after the smallest, int32 tag id,
/// int64 value). ServiceControl Monitoring reads it by the content type <see cref="ContentType"/>.
/// </summary>
internal static class TaggedLongValueWriter
{
    public const string ContentType = "TaggedLongValueWriterOccurrence";

    /// <summary>The most entries one message carries, as the plugin flushes them.</summary>
    public const int MaxEntriesPerMessage = 2048;

    public static byte[] Write(IReadOnlyList<MetricEntry> entries)
    {
        var sorted = entries.OrderBy(entry => entry.Ticks).ToList();
        var tags = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var entry in sorted)
        {
            tags.TryAdd(entry.Tag, tags.Count + 1);
        }

        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            var minTicks = sorted[0].Ticks;
            writer.Write(1L);
            writer.Write(minTicks);
            writer.Write(tags.Count);
            foreach (var (tag, id) in tags)
            {
                var bytes = Encoding.UTF8.GetBytes(tag);
                writer.Write(id);
                writer.Write(bytes.Length);
                writer.Write(bytes);
            }

            writer.Write(sorted.Count);
            foreach (var entry in sorted)
            {
                // An int holds about 3.5 minutes of ticks; a report covers one interval (seconds).
                writer.Write(checked((int)(entry.Ticks - minTicks)));
                writer.Write(tags[entry.Tag]);
                writer.Write(entry.Value);
            }
        }

        return stream.ToArray();
    }
}
