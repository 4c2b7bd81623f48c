using System.Text.Json;
using Unbundled.Messaging.Transport;
using Unbundled.Messaging.TransportTests.Commands;
using Unbundled.Messaging.TransportTests.Handlers;
using Unbundled.Messaging.TransportTests.Infrastructure;
using Xunit;

namespace Unbundled.Messaging.TransportTests.Scenarios;

/// <summary>ServiceControl Monitoring reading <c>Particular.Monitoring</c> (wire-format §6.4) beside ServiceControl itself.</summary>
public abstract class When_ServiceControl_monitors_an_endpoint<TWorld> : TransportTest<TWorld>
    where TWorld : ITransportWorld, new()
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);

    [Fact]
    public async Task Should_identify_the_instance_alike_in_metrics_heartbeats_and_failed_messages()
    {
        var serviceControl = await StartServiceControl();
        var endpoint = await StartEndpoint("Receiver", c => c
            .RegisterHandler<FailHandler>()
            .SendHeartbeatTo(SimulatedServiceControl.MainQueue, frequency: Interval)
            .SendMetricDataToServiceControl(SimulatedServiceControl.MonitoringQueue, Interval));

        await endpoint.Send(new Fail("monitored", Times: 1), Local());
        var failed = await serviceControl.NextInError();
        var metadata = await serviceControl.NextMetrics(metric: null);
        var startup = await serviceControl.NextReport();

        Assert.Equal(new MonitoredInstance("Receiver", failed.Headers[Headers.HostId], failed.Headers[Headers.HostDisplayName]), metadata.Instance);
        Assert.Equal(Guid.ParseExact(metadata.Instance.InstanceId, "N"), startup.Body.GetProperty("HostId").GetGuid());
        var localAddress = JsonDocument.Parse(metadata.Message.Body).RootElement.GetProperty("LocalAddress").GetString();
        Assert.Equal(World.CreateTransport().ToTransportAddress(new QueueAddress("Receiver")), localAddress);
    }

    [Fact]
    public async Task Should_stream_the_processing_the_critical_time_and_the_retry_of_a_message_that_failed_once()
    {
        var serviceControl = await StartServiceControl();
        var endpoint = await StartEndpoint("Receiver", c =>
        {
            c.RegisterHandler<FailHandler>().SendMetricDataToServiceControl(SimulatedServiceControl.MonitoringQueue, Interval);
            c.Recoverability.Immediate(1);
        });

        await endpoint.Send(new Fail("retried", Times: 1), Local());
        await Observations.Next();
        var streams = await StreamsUntil(serviceControl, "ProcessingTime", "CriticalTime", "Retries");

        var identity = Assert.Single(streams.Values.Select(report => report.Instance).Distinct());
        Assert.Equal("Receiver", identity.EndpointName);
        var retry = Assert.Single(streams["Retries"].Values.Entries);
        Assert.Equal(1L, retry.Value);
        var tag = streams["Retries"].Values.Tags[retry.TagId];
        Assert.Contains(typeof(Fail).FullName!, tag, StringComparison.Ordinal);
        var processed = Assert.Single(streams["ProcessingTime"].Values.Entries);
        Assert.Equal(tag, streams["ProcessingTime"].Values.Tags[processed.TagId]);
        Assert.InRange(Assert.Single(streams["CriticalTime"].Values.Entries).Value, processed.Value, (long)Scenario.Timeout.TotalMilliseconds);
    }

    /// <summary>Reads Monitoring's queue until a report of each of <paramref name="metrics"/> came (streams are sent only when they have entries).</summary>
    private static async Task<Dictionary<string, MonitoringReport>> StreamsUntil(SimulatedServiceControl serviceControl, params string[] metrics)
    {
        var streams = new Dictionary<string, MonitoringReport>(StringComparer.Ordinal);
        while (!metrics.All(streams.ContainsKey))
        {
            if (await serviceControl.NextMetrics() is { Metric: { } metric } report)
            {
                Assert.False(streams.ContainsKey(metric), $"A second {metric} report: one message was processed once.");
                streams[metric] = report;
            }
        }

        return streams;
    }

    private static SendOptions Local()
    {
        var options = new SendOptions();
        options.RouteToThisEndpoint();
        return options;
    }
}
