using Unbundled.Contracts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Unbundled.Messaging;
using Unbundled.Messaging.CustomChecks;
using Unbundled.Messaging.Embedded;

namespace Unbundled.Shell.Checks;

/// <summary>
/// The custom checks each endpoint of the embedded shell runs (README "Operations"): its queue and its database reachable,
/// the error queue empty, and for the API its reply queue there. Each goes to ServiceControl and feeds <c>/health</c>;
/// a full error queue only degrades the health, since the system still works.
/// </summary>
internal static class ShellChecks
{
    /// <summary>How often the periodic checks run.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    public static void AddEmbeddedChecks(IServiceCollection services, EndpointConfiguration endpoint, FileSystemTransport transport, string databasePath)
    {
        Add(services, endpoint, new QueueFolderWritable(transport, endpoint.EndpointName), HealthStatus.Unhealthy);
        Add(services, endpoint, new SqliteFileWritable(databasePath), HealthStatus.Unhealthy);
        Add(services, endpoint, new ErrorQueueFolderEmpty(transport, endpoint.ErrorQueue), HealthStatus.Degraded);
        if (endpoint.EndpointName == EndpointNames.Api)
        {
            Add(services, endpoint, new ReplyQueueFolderExists(transport, endpoint), HealthStatus.Unhealthy);
        }
    }

    private static void Add(IServiceCollection services, EndpointConfiguration endpoint, CustomCheck check, HealthStatus failureStatus)
    {
        endpoint.AddCustomCheck(check);
        services.AddHealthChecks().Add(new HealthCheckRegistration($"{endpoint.EndpointName}: {check.Id}", _ => new CustomCheckHealth(check), failureStatus, tags: null));
    }
}
