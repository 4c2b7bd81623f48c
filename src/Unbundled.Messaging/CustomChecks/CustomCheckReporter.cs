using Microsoft.Extensions.Logging;
using Unbundled.Messaging.Pipeline;
using Unbundled.Messaging.ServicePlatform;

namespace Unbundled.Messaging.CustomChecks;

/// <summary>
/// Runs one check as the plugin's <c>TimerBasedPeriodicCheck</c> does: at start, then every interval for a periodic check,
/// reporting every result (a check that throws reports a failure); a periodic result lives 4 intervals unless told
/// otherwise, a one-off result until ServiceControl reads it (docs/servicecontrol.md).
/// </summary>
internal sealed class CustomCheckReporter(
    CustomCheck check, TimeSpan? timeToLive, EndpointIdentity endpoint, ServiceControlBackend backend, TimeProvider clock, ILogger logger) : BackgroundReporter
{
    protected override async Task Run(CancellationToken cancellationToken)
    {
        var hostId = Guid.ParseExact(endpoint.Host.HostId, "N");
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var result = await Perform(cancellationToken);
                var report = new ReportCustomCheckResult(
                    hostId, check.Id, check.Category, result.HasFailed, result.FailureReason, clock.GetUtcNow().UtcDateTime, endpoint.Name, endpoint.Host.DisplayName);
                await Send(report, cancellationToken);
                if (check.Interval is not { } interval)
                {
                    return;
                }

                await Task.Delay(interval, clock, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private async Task<CheckResult> Perform(CancellationToken cancellationToken)
    {
        try
        {
            return await check.PerformCheck(cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogError(exception, "Custom check {CheckId} in {Category} failed to run", check.Id, check.Category);
            return CheckResult.Failed($"'{check.GetType()}' implementation for custom check '{check.Id}' in '{check.Category}' failed to run.");
        }
    }

    private async Task Send(ReportCustomCheckResult report, CancellationToken cancellationToken)
    {
        try
        {
            var ttl = check.Interval is { } interval ? timeToLive ?? interval * 4 : (TimeSpan?)null;
            await backend.Send(report, ReportCustomCheckResult.TypeFullName, ttl, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(exception, "Failed to send the result of custom check {CheckId} in {Category} to {Queue}", check.Id, check.Category, backend.Destination);
        }
    }
}
