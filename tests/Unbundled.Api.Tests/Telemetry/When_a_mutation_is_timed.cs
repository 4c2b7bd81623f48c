using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Unbundled.Api.Tests.Infrastructure;
using Unbundled.AppHost;
using Unbundled.Messaging.Telemetry;
using Unbundled.Shell.Telemetry;

namespace Unbundled.Api.Tests.Telemetry;

/// <summary>The per-mutation timeline: logged by the API's process when its category logs at Information, and only then.</summary>
[Collection(AloneCollection.Name)]
public sealed class When_a_mutation_is_timed : IAsyncLifetime
{
    private readonly string dataPath = Path.Combine(Path.GetTempPath(), $"unbundled-timeline-tests-{Guid.NewGuid():N}");
    private readonly CapturedLogs logs = new(TelemetryConventions.TimelineCategory);
    private UnbundledSystem? system;

    public Task InitializeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Should_log_the_time_of_every_stage_relative_to_the_request()
    {
        using var http = await Start(timelineLevel: "Information");

        await InviteSomeone(http);

        var timeline = await NextTimeline();
        using var messagingSpans = new ActivitySource(MessagingDiagnostics.ActivitySourceName);
        Assert.True(messagingSpans.HasListeners());
        string[] stages =
        [
            "API received", "command sent", "handler started", "event published", "handler done, messages dispatched",
            "projector done", "reply received", "response sent",
        ];
        Assert.All(stages, stage => Assert.Matches($@"\n\s+\d+\.\d{{3}} ms  {stage}", timeline));
        Assert.Matches(@"\n\s+0\.000 ms  API received", timeline);
    }

    [Fact]
    public async Task Should_record_no_spans_when_nobody_reads_them()
    {
        using var http = await Start(timelineLevel: "Warning");

        await InviteSomeone(http);

        using var messagingSpans = new ActivitySource(MessagingDiagnostics.ActivitySourceName);
        Assert.False(messagingSpans.HasListeners());
        Assert.Empty(logs.Messages);
    }

    public async Task DisposeAsync()
    {
        if (system is not null)
        {
            await system.Stop();
            await system.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        if (Directory.Exists(dataPath))
        {
            Directory.Delete(dataPath, recursive: true);
        }
    }

    private async Task<HttpClient> Start(string timelineLevel)
    {
        system = UnbundledSystem.Build(
            [
                "--data-path", dataPath,
                "--urls", "http://127.0.0.1:0",
                "--Logging:LogLevel:Default", "Warning",
                $"--Logging:LogLevel:{TelemetryConventions.TimelineCategory}", timelineLevel,
            ],
            api => api.Logging.AddProvider(logs));
        await system.Start();
        return new HttpClient { BaseAddress = new Uri(system.Api.Urls.Single()), Timeout = TimeSpan.FromSeconds(30) };
    }

    private static async Task InviteSomeone(HttpClient http)
    {
        var response = await http.PostGraphQL("""mutation { InviteCustomer(email: "timed@example.com") { id } }""");
        Assert.False((await response.ReadJson()).ContainsKey("errors"));
    }

    private async Task<string> NextTimeline()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            if (logs.Messages.FirstOrDefault(m => m.StartsWith("Mutation timeline", StringComparison.Ordinal)) is { } timeline)
            {
                return timeline;
            }

            await Task.Delay(20, timeout.Token);
        }
    }
}
