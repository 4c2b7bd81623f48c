namespace Unbundled.Messaging.Heartbeats;

/// <summary>Where and how often heartbeats go: NServiceBus.Heartbeat's defaults are every 10 s, each worth 4 intervals.</summary>
public sealed record HeartbeatSettings(string Queue, TimeSpan Frequency, TimeSpan TimeToLive)
{
    public static readonly TimeSpan DefaultFrequency = TimeSpan.FromSeconds(10);

    /// <summary>How long the plugin waits before it tries a failed startup registration again (once).</summary>
    public static readonly TimeSpan RegistrationRetryInterval = TimeSpan.FromMinutes(1);
}
