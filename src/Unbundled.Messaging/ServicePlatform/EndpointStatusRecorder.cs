using Unbundled.Messaging.CustomChecks;
using Unbundled.Messaging.Heartbeats;
using Unbundled.Messaging.Pipeline;

namespace Unbundled.Messaging.ServicePlatform;

/// <summary>
/// Keeps the endpoint's status as its reports leave (a heartbeat, a startup registration, a check result) and saves it
/// whole to the <see cref="IEndpointStatusStore"/>: one write per report sent, nothing read back.
/// </summary>
internal sealed class EndpointStatusRecorder(IEndpointStatusStore store, EndpointIdentity endpoint)
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, CheckStatus> checks = new(StringComparer.Ordinal);
    private DateTimeOffset lastHeartbeat;

    public Task Sent(object report, CancellationToken cancellationToken)
    {
        EndpointStatus status;
        lock (gate)
        {
            switch (report)
            {
                case EndpointHeartbeat heartbeat:
                    lastHeartbeat = new DateTimeOffset(heartbeat.ExecutedAt, TimeSpan.Zero);
                    break;
                case RegisterEndpointStartup startup:
                    lastHeartbeat = new DateTimeOffset(startup.StartedAt, TimeSpan.Zero);
                    break;
                case ReportCustomCheckResult result:
                    checks[result.CustomCheckId] = new CheckStatus(
                        result.CustomCheckId, result.Category, result.HasFailed, result.FailureReason, new DateTimeOffset(result.ReportedAt, TimeSpan.Zero));
                    break;
                default:
                    return Task.CompletedTask;
            }

            status = new EndpointStatus(endpoint.Name, endpoint.Host.HostId, endpoint.Host.DisplayName, lastHeartbeat, [.. checks.Values.OrderBy(check => check.CheckId, StringComparer.Ordinal)]);
        }

        return store.Save(status, cancellationToken);
    }
}
