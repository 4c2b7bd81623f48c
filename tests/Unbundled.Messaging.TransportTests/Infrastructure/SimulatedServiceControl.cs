using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Unbundled.Messaging.Transport;

namespace Unbundled.Messaging.TransportTests.Infrastructure;

/// <summary>
/// What ServiceControl does with an endpoint's queues, as wire-format §6.2 and §6.3 describe it: it reads <c>error</c>
/// (failed messages and retry acknowledgements), stages a retry through its own <c>.staging</c> queue and sends it back
/// to the failed queue, reads heartbeats and custom checks from <c>Particular.ServiceControl</c>, and, as ServiceControl
/// Monitoring, metrics from <c>Particular.Monitoring</c> (§6.4).
/// </summary>
public sealed class SimulatedServiceControl(
    QueueSpy error, QueueSpy staging, QueueSpy main, QueueSpy monitoring, Func<string, Dictionary<string, string>, ReadOnlyMemory<byte>, Task> send)
{
    public const string StagingQueue = "Particular.ServiceControl.staging";
    public const string MainQueue = "Particular.ServiceControl";
    public const string MonitoringQueue = "Particular.Monitoring";

    private static readonly string[] StrippedOnRetry =
        ["NServiceBus.Retries", "NServiceBus.FailedQ", "NServiceBus.TimeOfFailure", "NServiceBus.ExceptionInfo.", "ServiceControl.EditOf"];

    /// <summary>The next message in <c>error</c> (a failed message or an acknowledgement).</summary>
    public Task<MessageContext> NextInError() => error.Next();

    /// <summary>The next heartbeat or check result, with its type and body.</summary>
    public async Task<(string Type, JsonElement Body)> NextReport()
    {
        var report = await main.Next();
        return (report.Headers[Headers.EnclosedMessageTypes], JsonDocument.Parse(report.Body).RootElement.Clone());
    }

    /// <summary>
    /// The next metrics message, told apart as Monitoring does: by its content type, a metadata report being JSON and a
    /// stream the binary TaggedLongValueWriterOccurrence with its <c>NServiceBus.Metric.Type</c>.
    /// </summary>
    public async Task<MonitoringReport> NextMetrics()
    {
        var message = await monitoring.Next();
        var metric = message.Headers[Headers.ContentType] switch
        {
            "application/json" when message.Headers[Headers.EnclosedMessageTypes] == "NServiceBus.Metrics.EndpointMetadataReport" => null,
            "TaggedLongValueWriterOccurrence" => message.Headers["NServiceBus.Metric.Type"],
            var other => throw new InvalidOperationException($"Monitoring has no deserializer for content type {other}."),
        };
        return new MonitoringReport(MonitoredInstance.From(message.Headers), metric, message);
    }

    /// <summary>The next report of <paramref name="metric"/> (null: the metadata report), passing over the others.</summary>
    public async Task<MonitoringReport> NextMetrics(string? metric)
    {
        while (true)
        {
            var report = await NextMetrics();
            if (report.Metric == metric)
            {
                return report;
            }
        }
    }

    /// <summary>ServiceControl's failed message id: the retry's unique id, else a deterministic GUID of message id and processing endpoint.</summary>
    public static string FailedMessageId(IReadOnlyDictionary<string, string> headers)
    {
        if (headers.TryGetValue("ServiceControl.Retry.UniqueMessageId", out var unique))
        {
            return unique;
        }

        var endpoint = headers.GetValueOrDefault(Headers.ProcessingEndpoint) ?? headers[FaultsHeaderKeys.FailedQ].Split('@')[0];
#pragma warning disable CA5351 // ServiceControl's DeterministicGuid is MD5: an id, not security.
        return new Guid(MD5.HashData(Encoding.UTF8.GetBytes(headers[Headers.MessageId] + endpoint))).ToString();
#pragma warning restore CA5351
    }

    /// <summary>Retries a failed message: staged copy first, then the staging consumer's send to the failed queue.</summary>
    public async Task Retry(MessageContext failed)
    {
        var staged = failed.Headers.Where(h => !StrippedOnRetry.Any(prefix => h.Key.StartsWith(prefix, StringComparison.Ordinal)))
            .ToDictionary(h => h.Key, h => h.Value);
        staged["ServiceControl.TargetEndpointAddress"] = failed.Headers[FaultsHeaderKeys.FailedQ];
        staged["ServiceControl.Retry.UniqueMessageId"] = FailedMessageId(failed.Headers);
        staged["ServiceControl.Retry.StagingId"] = Guid.NewGuid().ToString();
        staged["ServiceControl.Retry.Attempt.MessageId"] = Guid.NewGuid().ToString();
        await send(StagingQueue, staged, failed.Body);

        var inStaging = await staging.Next();
        var retry = new Dictionary<string, string>(inStaging.Headers);
        retry.Remove("ServiceControl.Retry.StagingId");
        retry.Remove("ServiceControl.Retry.Attempt.MessageId");
        retry["ServiceControl.Retry.AcknowledgementQueue"] = error.ReceiveAddress;
        retry.Remove("ServiceControl.TargetEndpointAddress", out var target);
        await send(target!, retry, inStaging.Body);
    }
}
