using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Trace;
using Unbundled.Messaging.Telemetry;

namespace Unbundled.Shell.Telemetry;

/// <summary>
/// Tracing for a process: the messaging spans (send, publish, reply, process) joined across endpoints by
/// <c>traceparent</c>, the ASP.NET Core request spans, an OTLP exporter when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set,
/// and, on the process that serves the API, a log line per mutation with the time of each stage.
/// </summary>
public static class TelemetryConventions
{
    public const string TimelineCategory = "Unbundled.Timeline";

    /// <summary>
    /// Call once per process: every provider listens to every span of the process. Spans are recorded only when someone
    /// reads them (an OTLP endpoint is configured, or the timeline is logged): recording them for nobody costs CPU on
    /// every request and message.
    /// </summary>
    public static IHostApplicationBuilder AddTelemetry(this IHostApplicationBuilder builder, bool logMutationTimelines)
    {
        var export = !string.IsNullOrEmpty(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        var timelines = logMutationTimelines && LogsAtInformation(builder.Configuration, TimelineCategory);
        if (!export && !timelines)
        {
            return builder;
        }

        builder.Services.AddOpenTelemetry().WithTracing(tracer =>
        {
            tracer.AddSource(MessagingDiagnostics.ActivitySourceName, "Microsoft.AspNetCore").SetSampler(new AlwaysOnSampler());
            if (export)
            {
                tracer.AddOtlpExporter();
            }

            if (timelines)
            {
                tracer.AddProcessor(services => new MutationTimeline(services.GetRequiredService<ILoggerFactory>().CreateLogger(TimelineCategory)));
            }
        });
        return builder;
    }

    /// <summary>
    /// Whether <c>Logging:LogLevel</c> lets <paramref name="category"/> log at Information, by the logging rules: the longest
    /// configured category prefix wins, then <c>Default</c>, then Information.
    /// </summary>
    internal static bool LogsAtInformation(IConfiguration configuration, string category)
    {
        var levels = configuration.GetSection("Logging:LogLevel");
        var configured = levels.GetChildren()
            .Where(level => level.Key != "Default" && (category == level.Key || category.StartsWith(level.Key + ".", StringComparison.Ordinal)))
            .MaxBy(level => level.Key.Length)?.Value ?? levels["Default"];
        return configured is null || !Enum.TryParse<LogLevel>(configured, ignoreCase: true, out var level) || level <= LogLevel.Information;
    }
}
