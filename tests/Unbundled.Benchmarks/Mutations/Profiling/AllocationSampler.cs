using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace Unbundled.Benchmarks.Mutations.Profiling;

/// <summary>
/// Samples the allocations of this process by type: the runtime raises <c>GCAllocationTick</c> about every 100 KB allocated,
/// naming the type of the object that crossed the mark, so a type's share of the ticks is its share of the bytes.
/// </summary>
internal sealed class AllocationSampler : EventListener
{
    private const int AllocationTick = 10;
    private const EventKeywords GcKeyword = (EventKeywords)0x1;
    private readonly ConcurrentDictionary<string, long> bytes = new(StringComparer.Ordinal);
    private volatile bool sampling;

    public void Start()
    {
        bytes.Clear();
        sampling = true;
    }

    /// <summary>The types with the most bytes, in KB per operation (each tick stands for the bytes since the last).</summary>
    public IEnumerable<string> Stop(int operations, int top = 15)
    {
        sampling = false;
        var total = bytes.Values.Sum();
        return bytes.OrderByDescending(pair => pair.Value).Take(top).Select(pair =>
            $"      {pair.Value / 1024.0 / operations,6:0.0} KB  {100.0 * pair.Value / total,4:0} %  {pair.Key}");
    }

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Verbose, GcKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (!sampling || eventData.EventId != AllocationTick || eventData.Payload is null || eventData.PayloadNames is null)
        {
            return;
        }

        var typeName = eventData.PayloadNames.IndexOf("TypeName") is var t and >= 0 ? eventData.Payload[t] as string ?? "?" : "?";
        var amount = eventData.PayloadNames.IndexOf("AllocationAmount64") is var a and >= 0 ? Convert.ToInt64(eventData.Payload[a], System.Globalization.CultureInfo.InvariantCulture) : 100_000;
        bytes.AddOrUpdate(typeName, amount, (_, sum) => sum + amount);
    }
}
