namespace Unbundled.Messaging.CustomChecks;

/// <summary>
/// An NServiceBus.CustomChecks check: run once at start when <see cref="Interval"/> is null, else every interval, each
/// result reported to ServiceControl (and shown on ServicePulse's Custom Checks screen, grouped by <see cref="Category"/>).
/// </summary>
public abstract class CustomCheck(string id, string category, TimeSpan? interval = null)
{
    /// <summary>Unique per endpoint.</summary>
    public string Id { get; } = id;

    public string Category { get; } = category;

    public TimeSpan? Interval { get; } = interval;

    public abstract Task<CheckResult> PerformCheck(CancellationToken cancellationToken = default);
}
