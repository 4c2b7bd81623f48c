using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Unbundled.LocalAws;

namespace Unbundled.Shell.Dev;

/// <summary>
/// Reports a stand-in that exits under the running system once, as an error naming it and its exit code, and fails the
/// health check until the process is restarted: without its stand-ins the system can do nothing, and the endpoints'
/// retry warnings (one a second per receive loop) are held back meanwhile (<see cref="QuietWhileStandInsDown"/>).
/// </summary>
internal sealed class StandInsWatch(AwsStandIns shared, ILogger<StandInsWatch> logger) : IHostedService, IHealthCheck
{
    private readonly LocalAwsStandIns standIns = shared.StandIns;
    private bool reporting;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        reporting = shared.ClaimReporting();
        if (reporting)
        {
            standIns.Exited += Report;
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        if (reporting)
        {
            standIns.Exited -= Report;
        }

        return Task.CompletedTask;
    }

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(standIns.Exits.Count == 0
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy(string.Join("; ", standIns.Exits.Select(exit => $"{exit.StandIn} exited with code {exit.ExitCode}"))));

    private void Report(StandInExit exit) => logger.LogError(
        "The aws-local stand-in {StandIn} exited with code {ExitCode}; nothing works without it until the system is restarted",
        exit.StandIn,
        exit.ExitCode);
}
