namespace Unbundled.Messaging.ServicePlatform;

/// <summary>Something an endpoint reports to the Service Platform in the background while it runs (heartbeats, checks, metrics).</summary>
internal interface IPlatformReporter
{
    /// <summary>Starts reporting; returns at once.</summary>
    void Start();

    /// <summary>Stops reporting and waits for a report under way.</summary>
    Task Stop();
}
