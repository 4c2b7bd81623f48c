using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.Logging;
using OpenTelemetry;

namespace Unbundled.Shell.Telemetry;

/// <summary>
/// Collects the spans of each HTTP request's trace and, when the request ends, logs when each stage of an invite
/// happened, relative to the moment the API received the request: the table the seed's author wished for. Only the
/// spans of this process are seen; across processes, export to an OTLP collector instead.
/// </summary>
internal sealed class MutationTimeline(ILogger logger) : BaseProcessor<Activity>
{
    private const int MaxTracesHeld = 10_000;

    private readonly ConcurrentDictionary<ActivityTraceId, ConcurrentQueue<Activity>> traces = new();

    public override void OnEnd(Activity data)
    {
        if (!logger.IsEnabled(LogLevel.Information))
        {
            return;
        }

        if (data.Source.Name != "Microsoft.AspNetCore" || data.Parent is not null)
        {
            if (traces.Count < MaxTracesHeld)
            {
                traces.GetOrAdd(data.TraceId, _ => new ConcurrentQueue<Activity>()).Enqueue(data);
            }

            return;
        }

        if (traces.TryRemove(data.TraceId, out var spans) && TimelineStages.Of(data, spans) is { Count: > 0 } stages)
        {
            logger.LogInformation("Mutation timeline of trace {TraceId}:{Timeline}", data.TraceId, Format(stages));
        }
    }

    private static string Format(IReadOnlyList<(string Stage, TimeSpan At)> stages)
    {
        var text = new StringBuilder();
        foreach (var (stage, at) in stages)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"{Environment.NewLine}  {at.TotalMilliseconds,9:0.000} ms  {stage}");
        }

        return text.ToString();
    }
}
