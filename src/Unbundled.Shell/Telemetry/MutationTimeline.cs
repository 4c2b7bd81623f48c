using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.Logging;
using OpenTelemetry;

namespace Unbundled.Shell.Telemetry;

/// <summary>
/// Collects the spans of each HTTP request's trace and, when the request and every span of its trace begun in this
/// process have ended, logs when each stage of an invite happened, relative to the moment the API received the request:
/// the table the seed's author wished for. Customers' handler span may end after the response (the reply and the event
/// leave before it closes), so the request's end alone would miss its stages. Only the spans of this process are seen;
/// across processes, export to an OTLP collector instead.
/// </summary>
internal sealed class MutationTimeline(ILogger logger) : BaseProcessor<Activity>
{
    private const int MaxTracesHeld = 10_000;

    private readonly ConcurrentDictionary<ActivityTraceId, Trace> traces = new();

    public override void OnStart(Activity data)
    {
        if (logger.IsEnabled(LogLevel.Information) && Held(data.TraceId) is { } trace)
        {
            Interlocked.Increment(ref trace.Open);
        }
    }

    public override void OnEnd(Activity data)
    {
        if (!logger.IsEnabled(LogLevel.Information) || Held(data.TraceId) is not { } trace)
        {
            return;
        }

        if (data.Source.Name == "Microsoft.AspNetCore" && data.Parent is null)
        {
            Volatile.Write(ref trace.Request, data);
        }
        else
        {
            trace.Spans.Enqueue(data);
        }

        if (Interlocked.Decrement(ref trace.Open) <= 0 && Volatile.Read(ref trace.Request) is { } request
            && traces.TryRemove(new KeyValuePair<ActivityTraceId, Trace>(data.TraceId, trace))
            && TimelineStages.Of(request, trace.Spans) is { Count: > 0 } stages)
        {
            logger.LogInformation("Mutation timeline of trace {TraceId}:{Timeline}", data.TraceId, Format(stages));
        }
    }

    private Trace? Held(ActivityTraceId traceId) =>
        traces.TryGetValue(traceId, out var trace) ? trace : traces.Count < MaxTracesHeld ? traces.GetOrAdd(traceId, _ => new Trace()) : null;

    private static string Format(IReadOnlyList<(string Stage, TimeSpan At)> stages)
    {
        var text = new StringBuilder();
        foreach (var (stage, at) in stages)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"{Environment.NewLine}  {at.TotalMilliseconds,9:0.000} ms  {stage}");
        }

        return text.ToString();
    }

    /// <summary>One trace's spans so far, how many of its spans begun here are still open, and its request once it ended.</summary>
    private sealed class Trace
    {
        public readonly ConcurrentQueue<Activity> Spans = new();
        public int Open;
        public Activity? Request;
    }
}
