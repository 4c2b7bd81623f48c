using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Unbundled.Messaging.Pipeline;
using Unbundled.Messaging.Tests.Infrastructure;
using Unbundled.Messaging.TransportTests.Infrastructure;

namespace Unbundled.Messaging.Tests.Heartbeats;

/// <summary>Golden heartbeat messages, header by header and field by field against NServiceBus.Heartbeat (wire-format §6.3).</summary>
public class When_sending_heartbeats : TransportTest<EmbeddedWorld>
{
    private readonly FakeTimeProvider clock = new(FixedClock.Example);

    [Fact]
    public async Task Should_register_the_endpoints_start_first()
    {
        var serviceControl = await SpyOn("Particular.ServiceControl");
        await StartSales();

        var startup = await serviceControl.Next();

        AssertPluginHeaders(startup.Headers, "ServiceControl.Plugin.Heartbeat.Messages.RegisterEndpointStartup");
        var body = startup.Json();
        Assert.Equal(["HostId", "Endpoint", "StartedAt", "HostProperties", "HostDisplayName", "Host"], body.EnumerateObject().Select(p => p.Name));
        Assert.Equal(HostIdOfSales, body.GetProperty("HostId").GetGuid());
        Assert.Equal("Sales", body.GetProperty("Endpoint").GetString());
        Assert.Equal("2024-05-01T13:45:07.123456Z", body.GetProperty("StartedAt").GetString());
        Assert.Equal(Environment.MachineName, body.GetProperty("HostDisplayName").GetString());
        Assert.Equal(Environment.MachineName, body.GetProperty("Host").GetString());
        var properties = body.GetProperty("HostProperties").Deserialize<Dictionary<string, string>>()!;
        Assert.Equal(["Machine", "PathToExecutable", "ProcessID", "UserName"], properties.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture), properties["ProcessID"]);
        Assert.Equal(Environment.MachineName, properties["Machine"]);
    }

    [Fact]
    public async Task Should_beat_every_interval_with_the_time_it_was_sent()
    {
        var serviceControl = await SpyOn("Particular.ServiceControl");
        await StartSales();
        await serviceControl.Next();

        var first = await serviceControl.NextAfter(clock, TimeSpan.FromSeconds(10));
        var sentAt = clock.GetUtcNow();
        var second = await serviceControl.NextAfter(clock, TimeSpan.FromSeconds(10));

        AssertPluginHeaders(first.Headers, "ServiceControl.Plugin.Heartbeat.Messages.EndpointHeartbeat");
        var body = first.Json();
        Assert.Equal(["ExecutedAt", "EndpointName", "HostId", "Host"], body.EnumerateObject().Select(p => p.Name));
        Assert.Equal(sentAt.UtcDateTime, body.GetProperty("ExecutedAt").GetDateTime());
        Assert.Equal(DateTimeKind.Utc, body.GetProperty("ExecutedAt").GetDateTime().Kind);
        Assert.Equal("Sales", body.GetProperty("EndpointName").GetString());
        Assert.Equal(HostIdOfSales, body.GetProperty("HostId").GetGuid());
        Assert.Equal(Environment.MachineName, body.GetProperty("Host").GetString());
        Assert.True(second.Json().GetProperty("ExecutedAt").GetDateTime() > sentAt.UtcDateTime);
        Assert.NotEqual(first.Headers[Headers.MessageId], second.Headers[Headers.MessageId]);
    }

    [Fact]
    public async Task Should_stop_beating_when_the_endpoint_stops()
    {
        var serviceControl = await SpyOn("Particular.ServiceControl");
        var endpoint = await StartSales();
        await serviceControl.Next();
        await serviceControl.NextAfter(clock, TimeSpan.FromSeconds(10));

        await StopEndpoint(endpoint);
        clock.Advance(TimeSpan.FromSeconds(30));

        Assert.True(await serviceControl.NothingWithin(Scenario.QuietPeriod));
    }

    private static Guid HostIdOfSales => Guid.ParseExact(HostInformation.For("Sales").HostId, "N");

    private Task<IEndpointInstance> StartSales() =>
        StartEndpoint("Sales", c => c.SendHeartbeatTo("Particular.ServiceControl").UseTimeProvider(clock));

    /// <summary>The plugin sends through the dispatcher, so only these headers are set (wire-format §6.3).</summary>
    private static void AssertPluginHeaders(IReadOnlyDictionary<string, string> headers, string messageType)
    {
        Assert.Equal(
            [Headers.ContentType, Headers.EnclosedMessageTypes, Headers.MessageId, Headers.MessageIntent, Headers.ReplyToAddress],
            headers.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(messageType, headers[Headers.EnclosedMessageTypes]);
        Assert.Equal("application/json", headers[Headers.ContentType]);
        Assert.Equal("Send", headers[Headers.MessageIntent]);
        Assert.Equal("Sales", headers[Headers.ReplyToAddress]);
        Assert.True(Guid.TryParseExact(headers[Headers.MessageId], "D", out _));
    }
}
