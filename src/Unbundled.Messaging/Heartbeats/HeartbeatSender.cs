using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Unbundled.Messaging.Pipeline;
using Unbundled.Messaging.ServicePlatform;

namespace Unbundled.Messaging.Heartbeats;

/// <summary>
/// NServiceBus.Heartbeat's sender: <see cref="RegisterEndpointStartup"/> once at start (tried again once, a minute later,
/// if it fails), then an <see cref="EndpointHeartbeat"/> every interval; a failed heartbeat is only a warning.
/// </summary>
internal sealed class HeartbeatSender(
    HeartbeatSettings settings, EndpointIdentity endpoint, ServiceControlBackend backend, TimeProvider clock, ILogger logger) : BackgroundReporter
{
    private Guid HostId => Guid.ParseExact(endpoint.Host.HostId, "N");

    protected override async Task Run(CancellationToken cancellationToken)
    {
        _ = RegisterStartup(clock.GetUtcNow().UtcDateTime, retry: true, cancellationToken);
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(settings.Frequency, clock, cancellationToken);
                var heartbeat = new EndpointHeartbeat(clock.GetUtcNow().UtcDateTime, endpoint.Name, HostId, endpoint.Host.DisplayName);
                await backend.Send(heartbeat, EndpointHeartbeat.TypeFullName, settings.TimeToLive, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                logger.LogWarning(exception, "Unable to send a heartbeat to {Queue}", backend.Destination);
            }
        }
    }

    private async Task RegisterStartup(DateTime startedAt, bool retry, CancellationToken cancellationToken)
    {
        try
        {
            var registration = new RegisterEndpointStartup(
                HostId, endpoint.Name, startedAt, HostProperties(), endpoint.Host.DisplayName, endpoint.Host.DisplayName);
            await backend.Send(registration, RegisterEndpointStartup.TypeFullName, settings.TimeToLive, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception exception) when (retry)
        {
            logger.LogWarning(exception, "Unable to register the endpoint's start with {Queue}; trying again in {Delay}", backend.Destination, HeartbeatSettings.RegistrationRetryInterval);
            await Task.Delay(HeartbeatSettings.RegistrationRetryInterval, clock, cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
            if (!cancellationToken.IsCancellationRequested)
            {
                await RegisterStartup(startedAt, retry: false, cancellationToken);
            }
        }
        catch (Exception exception)
        {
            logger.LogWarning(exception, "Unable to register the endpoint's start with {Queue}", backend.Destination);
        }
    }

    /// <summary>NServiceBus's default host properties.</summary>
    private Dictionary<string, string> HostProperties() => new Dictionary<string, string>
    {
        ["Machine"] = endpoint.Host.MachineName,
        ["ProcessID"] = Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["UserName"] = Environment.UserName,
        ["PathToExecutable"] = Environment.ProcessPath ?? Process.GetCurrentProcess().MainModule?.FileName ?? string.Empty,
    };
}
