using Microsoft.Extensions.Diagnostics.HealthChecks;
using Unbundled.Messaging.CustomChecks;

namespace Unbundled.Shell.Checks;

/// <summary>One custom check answering <c>/health</c> too, so operators without ServicePulse see the same results.</summary>
internal sealed class CustomCheckHealth(CustomCheck check) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var result = await check.PerformCheck(cancellationToken);
        return result.HasFailed ? new HealthCheckResult(context.Registration.FailureStatus, result.FailureReason) : HealthCheckResult.Healthy();
    }
}
