using System.Text.Json;
using Microsoft.Extensions.Logging;
using Unbundled.Messaging.Pipeline;
using Unbundled.Messaging.ServicePlatform;
using Unbundled.Messaging.Transport;

namespace Unbundled.Messaging.Metrics;

/// <summary>
/// NServiceBus.Metrics.ServiceControl's reporting: every interval the metadata report, then each stream recorded since
/// the last report in TaggedLongValueWriterV1 chunks, with the headers ServiceControl Monitoring identifies the
/// instance by (wire-format §6.4; docs/servicecontrol.md).
/// </summary>
internal sealed class MetricsReporter(
    MetricsSettings settings, MetricsRecorder recorder, EndpointIdentity endpoint, string destination, IMessageDispatcher dispatcher, TimeProvider clock, ILogger logger)
    : BackgroundReporter
{
    public const string MetadataReportType = "NServiceBus.Metrics.EndpointMetadataReport";
    public const string MetricTypeHeader = "NServiceBus.Metric.Type";
    public const string InstanceIdHeader = "NServiceBus.Metric.InstanceId";

    private static readonly string[] Streams = [MetricsRecorder.ProcessingTime, MetricsRecorder.CriticalTime, MetricsRecorder.Retries, MetricsRecorder.QueueLength];

    protected override async Task Run(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(settings.Interval, clock, cancellationToken);
                await Report(cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                logger.LogWarning(exception, "Unable to send metrics to {Queue}", destination);
            }
        }
    }

    private async Task Report(CancellationToken cancellationToken)
    {
        if (settings.QueueLength is { } probe && endpoint.LocalAddress is { } localAddress)
        {
            recorder.Record(MetricsRecorder.QueueLength, clock.GetUtcNow(), localAddress, probe());
        }

        var metadata = BaseHeaders();
        metadata[Headers.EnclosedMessageTypes] = MetadataReportType;
        metadata[Headers.ContentType] = "application/json";
        var operations = new List<UnicastTransportOperation>
        {
            Operation(metadata, JsonSerializer.SerializeToUtf8Bytes(new { PluginVersion = 3, LocalAddress = endpoint.LocalAddress })),
        };
        foreach (var stream in Streams)
        {
            foreach (var chunk in recorder.Drain(stream))
            {
                var headers = BaseHeaders();
                headers[Headers.ContentType] = TaggedLongValueWriter.ContentType;
                headers[MetricTypeHeader] = stream;
                operations.Add(Operation(headers, TaggedLongValueWriter.Write(chunk)));
            }
        }

        await dispatcher.Dispatch(new TransportOperations(operations, []), cancellationToken);
    }

    private Dictionary<string, string> BaseHeaders()
    {
        var headers = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [Headers.OriginatingEndpoint] = endpoint.Name,
            [Headers.OriginatingMachine] = endpoint.Host.MachineName,
            [Headers.OriginatingHostId] = endpoint.Host.HostId,
            [Headers.HostDisplayName] = endpoint.Host.DisplayName,
        };
        if (settings.InstanceId is { } instanceId)
        {
            headers[InstanceIdHeader] = instanceId;
        }

        return headers;
    }

    private UnicastTransportOperation Operation(Dictionary<string, string> headers, byte[] body)
    {
        var messageId = Guid.NewGuid().ToString();
        headers[Headers.MessageId] = messageId;
        return new UnicastTransportOperation(
            new OutgoingMessage(messageId, headers, body), destination, new DispatchProperties { DiscardIfNotReceivedBefore = MetricsSettings.TimeToBeReceived });
    }
}
