using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Unbundled.Messaging.Pipeline;
using Unbundled.Messaging.Tests.Commands;
using Unbundled.Messaging.Tests.Handlers;
using Unbundled.Messaging.Tests.Infrastructure;
using Unbundled.Messaging.TransportTests.Infrastructure;

namespace Unbundled.Messaging.Tests.Metrics;

/// <summary>Golden metrics messages: the metadata report and each stream, header by header, bodies decoded (wire-format §6.4).</summary>
public class When_sending_metrics_to_monitoring : TransportTest<EmbeddedWorld>
{
    private readonly FakeTimeProvider clock = new(FixedClock.Example);

    [Fact]
    public async Task Should_report_metadata_and_every_stream_with_the_instance_identity()
    {
        var monitoring = await SpyOn("Particular.Monitoring");
        var billing = await SpyOn("Billing");
        var audit = await SpyOn("audit");
        await StartEndpoint("Sales", c => c
            .RegisterHandler<PlaceOrderHandler>()
            .AuditProcessedMessagesTo("audit")
            .SendMetricDataToServiceControl("Particular.Monitoring", TimeSpan.FromSeconds(10), queueLength: () => 3)
            .UseTimeProvider(clock));
        await DispatchRaw("Sales", new Dictionary<string, string>
        {
            [Headers.MessageId] = "order-1",
            [Headers.EnclosedMessageTypes] = typeof(PlaceOrder).AssemblyQualifiedName!,
            [Headers.ContentType] = "application/json",
            [Headers.MessageIntent] = "Send",
            [Headers.TimeSent] = WireDate.ToWireFormattedString(FixedClock.Example.AddSeconds(-2)),
        }, """{"OrderId":"o-1"}"""u8.ToArray());
        await billing.Next();
        // The audit copy leaves after the times are recorded: the clock may move on without counting in the processing.
        await audit.Next();

        var first = await monitoring.NextAfter(clock, TimeSpan.FromSeconds(10));
        var report = new List<Transport.MessageContext> { first };
        for (var i = 0; i < 3; i++)
        {
            report.Add(await monitoring.Next());
        }

        var host = HostInformation.For("Sales");
        foreach (var message in report)
        {
            Assert.Equal("Sales", message.Headers[Headers.OriginatingEndpoint]);
            Assert.Equal(Environment.MachineName, message.Headers[Headers.OriginatingMachine]);
            Assert.Equal(host.HostId, message.Headers[Headers.OriginatingHostId]);
            Assert.Equal(host.DisplayName, message.Headers[Headers.HostDisplayName]);
        }

        var metadata = Assert.Single(report, m => m.Headers.GetValueOrDefault(Headers.EnclosedMessageTypes) == "NServiceBus.Metrics.EndpointMetadataReport");
        Assert.Equal("application/json", metadata.Headers[Headers.ContentType]);
        Assert.Equal("""{"PluginVersion":3,"LocalAddress":"Sales"}""", System.Text.Encoding.UTF8.GetString(metadata.Body.Span));

        var streams = report.Where(m => m != metadata).ToDictionary(m => m.Headers["NServiceBus.Metric.Type"], m =>
        {
            Assert.Equal("TaggedLongValueWriterOccurrence", m.Headers[Headers.ContentType]);
            Assert.False(m.Headers.ContainsKey(Headers.EnclosedMessageTypes));
            return TaggedLongValues.Read(m.Body);
        });
        Assert.Equal(["CriticalTime", "ProcessingTime", "QueueLength"], streams.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(typeof(PlaceOrder).AssemblyQualifiedName, Assert.Single(streams["ProcessingTime"].Tags).Value);
        Assert.Equal(0L, Assert.Single(streams["ProcessingTime"].Entries).Value);
        Assert.Equal(2000L, Assert.Single(streams["CriticalTime"].Entries).Value);
        Assert.Equal("Sales", Assert.Single(streams["QueueLength"].Tags).Value);
        Assert.Equal(3L, Assert.Single(streams["QueueLength"].Entries).Value);
    }

    [Fact]
    public async Task Should_name_the_instance_by_the_given_instance_id()
    {
        var monitoring = await SpyOn("Particular.Monitoring");
        await StartEndpoint("Sales", c => c
            .SendMetricDataToServiceControl("Particular.Monitoring", TimeSpan.FromSeconds(10), instanceId: "sales-1")
            .UseTimeProvider(clock));

        var metadata = await monitoring.NextAfter(clock, TimeSpan.FromSeconds(10));

        Assert.Equal("sales-1", metadata.Headers["NServiceBus.Metric.InstanceId"]);
        Assert.Equal(3, JsonDocument.Parse(metadata.Body).RootElement.GetProperty("PluginVersion").GetInt32());
    }
}
