using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Unbundled.Contracts;
using Unbundled.Messaging;
using Unbundled.Messaging.Transport;

namespace Unbundled.Shell.Operations;

/// <summary>
/// The queues of the system opened for an operator, on whatever transport the shell gave an endpoint: the <c>failed</c>
/// command composes an endpoint just to take its transport, the API takes its own (docs/operations.md).
/// </summary>
public static class ShellOperations
{
    /// <summary>The name the <c>failed</c> command's endpoint is composed under; it never starts or receives.</summary>
    public const string OperatorName = "Unbundled.Operations";

    public static Task<IQueueOperations> Open(EndpointConfiguration endpoint, ILoggerFactory logging, CancellationToken cancellationToken = default)
    {
        var transport = endpoint.Transport ?? throw new InvalidOperationException($"The shell gave {endpoint.EndpointName} no transport.");
        var host = new HostSettings(OperatorName, Environment.MachineName, SetupInfrastructure: false, (_, _) => { }, logging)
        {
            Process = endpoint.Process ?? new(),
        };
        return transport.OpenQueueOperations(host, cancellationToken);
    }

    /// <summary>The queues whose depth an operator watches: the endpoints' input queues, <c>error</c>, and the Particular queues in use.</summary>
    public static IReadOnlyList<string> WatchedQueues(IConfiguration configuration) =>
    [
        EndpointNames.Api, EndpointNames.Customers, EndpointNames.Projector, Messaging.Operations.FailedMessages.DefaultErrorQueue,
        .. new[]
        {
            ServicePlatformConventions.Configured(configuration, ServicePlatformConventions.AuditQueueKey, ServicePlatformConventions.DefaultAuditQueue),
            ServicePlatformConventions.Configured(configuration, ServicePlatformConventions.ServiceControlQueueKey, ServicePlatformConventions.DefaultServiceControlQueue),
            ServicePlatformConventions.Configured(configuration, ServicePlatformConventions.MonitoringQueueKey, ServicePlatformConventions.DefaultMonitoringQueue),
        }.OfType<string>(),
    ];
}
