using Unbundled.Messaging.Metrics;
using Unbundled.Messaging.TransportTests.Infrastructure;

namespace Unbundled.Messaging.Tests.Metrics;

/// <summary>The binary TaggedLongValueWriterV1 format, decoded back (wire-format §6.4).</summary>
public class When_writing_metric_streams
{
    private static readonly DateTimeOffset Start = new(2024, 5, 1, 13, 45, 7, TimeSpan.Zero);

    [Fact]
    public void Should_write_the_version_the_smallest_ticks_the_tag_table_and_sorted_entries()
    {
        var recorder = new MetricsRecorder();
        recorder.Record(MetricsRecorder.ProcessingTime, Start.AddMilliseconds(30), "Sales.PlaceOrder", 12);
        recorder.Record(MetricsRecorder.ProcessingTime, Start, "Sales.BillOrder", 7);
        recorder.Record(MetricsRecorder.ProcessingTime, Start.AddMilliseconds(10), "Sales.PlaceOrder", 9);

        var chunk = Assert.Single(recorder.Drain(MetricsRecorder.ProcessingTime));
        var decoded = TaggedLongValues.Read(TaggedLongValueWriter.Write(chunk));

        Assert.Equal(1, decoded.Version);
        Assert.Equal(Start.UtcTicks, decoded.BaseTicks);
        Assert.Equal(new Dictionary<int, string> { [1] = "Sales.BillOrder", [2] = "Sales.PlaceOrder" }, decoded.Tags);
        Assert.Equal(
            [(0, 1, 7L), ((int)TimeSpan.FromMilliseconds(10).Ticks, 2, 9L), ((int)TimeSpan.FromMilliseconds(30).Ticks, 2, 12L)],
            decoded.Entries);
    }

    [Fact]
    public void Should_split_a_stream_into_messages_of_at_most_2048_entries()
    {
        var recorder = new MetricsRecorder();
        for (var i = 0; i < 2048 + 5; i++)
        {
            recorder.Record(MetricsRecorder.Retries, Start.AddTicks(i), i % 2 == 0 ? "even" : "odd", 1);
        }

        var chunks = recorder.Drain(MetricsRecorder.Retries).ToList();

        Assert.Equal([2048, 5], chunks.Select(chunk => chunk.Count));
        var first = TaggedLongValues.Read(TaggedLongValueWriter.Write(chunks[0]));
        Assert.Equal(2048, first.Entries.Count);
        Assert.Equal(["even", "odd"], first.Tags.OrderBy(t => t.Key).Select(t => t.Value));
        var second = TaggedLongValues.Read(TaggedLongValueWriter.Write(chunks[1]));
        Assert.Equal(Start.AddTicks(2048).UtcTicks, second.BaseTicks);
        Assert.Empty(recorder.Drain(MetricsRecorder.Retries));
    }
}
