using System.Net;
using Unbundled.AcceptanceTests.Infrastructure;
using Unbundled.CrashTests.Infrastructure;
using Unbundled.Testing;
using Xunit;

namespace Unbundled.CrashTests.Scenarios;

public sealed class When_a_stand_in_dies_under_the_running_system
{
    /// <summary>How long the test watches the log after the report: each of the 8 receive loops retries once a second.</summary>
    private static readonly TimeSpan Watched = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Should_report_it_once_and_fail_the_health_check()
    {
        using var data = new DataFolder();
        await using var system = await AppHostProcess.Start("aws-local", data.Path);
        using var http = new HttpClient { BaseAddress = system.ApiAddress };
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health")).StatusCode);
        var fauxqs = ChildProcess.Of(system.Id).Single(child => child.CommandLine.Contains("fauxqs", StringComparison.Ordinal));

        await Signal.KillNow(fauxqs.Id);

        Assert.True(await Eventually.Holds(() => Reports(system).Count > 0, TimeSpan.FromSeconds(30)), system.Output);
        var linesAtReport = system.Lines.Count();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await http.GetAsync("/health")).StatusCode);
        await Task.Delay(Watched);
        Assert.Single(Reports(system));
        Assert.Contains("code 137", Reports(system)[0], StringComparison.Ordinal);
        var warningsSince = system.Lines.Skip(linesAtReport).Count(line => line.StartsWith("warn:", StringComparison.Ordinal));
        Assert.True(warningsSince == 0, $"{warningsSince} warnings in the {Watched.TotalSeconds} s after the report:{Environment.NewLine}{system.Output}");
    }

    private static List<string> Reports(AppHostProcess system) =>
        system.Lines.Where(line => line.Contains("stand-in fauxqs exited", StringComparison.Ordinal)).ToList();
}
