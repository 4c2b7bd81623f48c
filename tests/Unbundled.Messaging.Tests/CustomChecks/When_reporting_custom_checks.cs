using Microsoft.Extensions.Time.Testing;
using Unbundled.Messaging.CustomChecks;
using Unbundled.Messaging.Pipeline;
using Unbundled.Messaging.Tests.Infrastructure;
using Unbundled.Messaging.TransportTests.Infrastructure;

namespace Unbundled.Messaging.Tests.CustomChecks;

/// <summary>Golden custom check results, field by field against NServiceBus.CustomChecks' ReportCustomCheckResult.</summary>
public class When_reporting_custom_checks : TransportTest<EmbeddedWorld>
{
    private readonly FakeTimeProvider clock = new(FixedClock.Example);

    [Fact]
    public async Task Should_report_a_one_off_check_once_with_every_field()
    {
        var serviceControl = await SpyOn("Particular.ServiceControl");
        await StartSales(new EmptyFolderCheck(World.Root, interval: null));

        var report = await serviceControl.Next();

        Assert.Equal("ServiceControl.Plugin.CustomChecks.Messages.ReportCustomCheckResult", report.Headers[Headers.EnclosedMessageTypes]);
        Assert.Equal(
            [Headers.ContentType, Headers.EnclosedMessageTypes, Headers.MessageId, Headers.MessageIntent, Headers.ReplyToAddress],
            report.Headers.Keys.Order(StringComparer.Ordinal));
        var body = report.Json();
        Assert.Equal(
            ["HostId", "CustomCheckId", "Category", "HasFailed", "FailureReason", "ReportedAt", "EndpointName", "Host"],
            body.EnumerateObject().Select(p => p.Name));
        Assert.Equal(Guid.ParseExact(HostInformation.For("Sales").HostId, "N"), body.GetProperty("HostId").GetGuid());
        Assert.Equal("folder-empty", body.GetProperty("CustomCheckId").GetString());
        Assert.Equal("Storage", body.GetProperty("Category").GetString());
        Assert.False(body.GetProperty("HasFailed").GetBoolean());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, body.GetProperty("FailureReason").ValueKind);
        Assert.Equal("2024-05-01T13:45:07.123456Z", body.GetProperty("ReportedAt").GetString());
        Assert.Equal("Sales", body.GetProperty("EndpointName").GetString());
        Assert.Equal(Environment.MachineName, body.GetProperty("Host").GetString());
        clock.Advance(TimeSpan.FromMinutes(5));
        Assert.True(await serviceControl.NothingWithin(Scenario.QuietPeriod));
    }

    [Fact]
    public async Task Should_report_a_periodic_check_on_every_run_with_what_changed()
    {
        var serviceControl = await SpyOn("Particular.ServiceControl");
        var folder = Directory.CreateDirectory(Path.Combine(World.Root, "watched")).FullName;
        File.WriteAllText(Path.Combine(folder, "left-over"), "x");
        await StartSales(new EmptyFolderCheck(folder, TimeSpan.FromSeconds(30)));

        var failed = (await serviceControl.Next()).Json();
        File.Delete(Path.Combine(folder, "left-over"));
        var passed = (await serviceControl.NextAfter(clock, TimeSpan.FromSeconds(30))).Json();

        Assert.True(failed.GetProperty("HasFailed").GetBoolean());
        Assert.Equal($"1 file(s) in {folder}", failed.GetProperty("FailureReason").GetString());
        Assert.False(passed.GetProperty("HasFailed").GetBoolean());
        Assert.True(passed.GetProperty("ReportedAt").GetDateTime() > failed.GetProperty("ReportedAt").GetDateTime());
    }

    [Fact]
    public async Task Should_report_a_check_that_throws_as_failed()
    {
        var serviceControl = await SpyOn("Particular.ServiceControl");
        await StartSales(new EmptyFolderCheck(Path.Combine(World.Root, "missing"), interval: null));

        var body = (await serviceControl.Next()).Json();

        Assert.True(body.GetProperty("HasFailed").GetBoolean());
        Assert.Contains("failed to run", body.GetProperty("FailureReason").GetString(), StringComparison.Ordinal);
    }

    private Task<IEndpointInstance> StartSales(CustomCheck check) =>
        StartEndpoint("Sales", c => c.ReportCustomChecksTo("Particular.ServiceControl").AddCustomCheck(check).UseTimeProvider(clock));
}
