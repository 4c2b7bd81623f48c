using Microsoft.Extensions.Logging;
using Unbundled.Messaging.InProcess;

namespace Unbundled.Messaging.Transport;

/// <summary>What a transport is told about the endpoint that hosts it.</summary>
/// <param name="Name">The logical endpoint name.</param>
/// <param name="HostDisplayName">The machine or container name shown in ServiceControl.</param>
/// <param name="SetupInfrastructure">True when installers run: create queues, topics and subscriptions.</param>
/// <param name="CriticalError">Called when the transport cannot go on (for example the broker is unreachable for long).</param>
/// <param name="LoggerFactory">The host's logger factory.</param>
public sealed record HostSettings(
    string Name,
    string HostDisplayName,
    bool SetupInfrastructure,
    Action<string, Exception> CriticalError,
    ILoggerFactory LoggerFactory)
{
    /// <summary>
    /// What the endpoint shares with the other endpoints of its process (docs/process-scope.md); a transport started
    /// without one shares nothing.
    /// </summary>
    public ProcessScope Process { get; init; } = new();
}
