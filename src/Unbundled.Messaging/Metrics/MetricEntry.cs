namespace Unbundled.Messaging.Metrics;

/// <summary>One measurement: when (UTC ticks), of what (the tag, e.g. the message's enclosed types) and how much.</summary>
internal readonly record struct MetricEntry(long Ticks, string Tag, long Value);
