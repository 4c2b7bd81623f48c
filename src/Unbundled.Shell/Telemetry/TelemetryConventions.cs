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

    /// <summary>Call once per process: every provider listens to every span of the process.</summary>
    public static IHostApplicationBuilder AddTelemetry(this IHostApplicationBuilder builder, bool logMutationTimelines)
    {
        var tracing = builder.Services.AddOpenTelemetry().WithTracing(tracer =>
        {
            tracer.AddSource(MessagingDiagnostics.ActivitySourceName, "Microsoft.AspNetCore").SetSampler(new AlwaysOnSampler());
            if (!string.IsNullOrEmpty(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
            {
                tracer.AddOtlpExporter();
            }

            if (logMutationTimelines)
            {
                tracer.AddProcessor(services => new MutationTimeline(services.GetRequiredService<ILoggerFactory>().CreateLogger(TimelineCategory)));
            }
        });
        return builder;
    }
}
