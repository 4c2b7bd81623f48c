using Microsoft.Extensions.Logging;
using Unbundled.Messaging.CustomChecks;
using Unbundled.Messaging.Heartbeats;
using Unbundled.Messaging.Metrics;
using Unbundled.Messaging.Pipeline;
using Unbundled.Messaging.Transport;

namespace Unbundled.Messaging.ServicePlatform;

/// <summary>The background reporters an endpoint's configuration asks for, and the queues they send to.</summary>
internal static class PlatformReporters
{
    /// <summary>The ServiceControl queues the reporters send to, which installers create like the error and audit queues.</summary>
    public static IEnumerable<string> Queues(EndpointConfiguration configuration) => configuration.ServicePlatformQueues;

    public static IReadOnlyList<IPlatformReporter> Create(
        EndpointConfiguration configuration,
        EndpointIdentity endpoint,
        TransportDefinition transport,
        IMessageDispatcher dispatcher,
        MetricsRecorder? metrics,
        ILoggerFactory loggerFactory)
    {
        var reporters = new List<IPlatformReporter>();
        var recorder = configuration.StatusStore is { } store ? new EndpointStatusRecorder(store, endpoint) : null;
        if (configuration.Heartbeats is { } heartbeats)
        {
            var backend = new ServiceControlBackend(transport.ToTransportAddress(new QueueAddress(heartbeats.Queue)), endpoint, dispatcher, recorder);
            reporters.Add(new HeartbeatSender(heartbeats, endpoint, backend, configuration.TimeProvider, loggerFactory.CreateLogger<HeartbeatSender>()));
        }

        if (configuration.CustomChecks is { } customChecks)
        {
            var backend = new ServiceControlBackend(transport.ToTransportAddress(new QueueAddress(customChecks.Queue)), endpoint, dispatcher, recorder);
            var logger = loggerFactory.CreateLogger<CustomCheckReporter>();
            reporters.AddRange(configuration.Checks.Select(check =>
                new CustomCheckReporter(check, customChecks.TimeToLive, endpoint, backend, configuration.TimeProvider, logger)));
        }

        if (configuration.Metrics is { } settings && metrics is not null)
        {
            reporters.Add(new MetricsReporter(
                settings, metrics, endpoint, transport.ToTransportAddress(new QueueAddress(settings.Queue)), dispatcher, configuration.TimeProvider,
                loggerFactory.CreateLogger<MetricsReporter>()));
        }

        return reporters;
    }
}
