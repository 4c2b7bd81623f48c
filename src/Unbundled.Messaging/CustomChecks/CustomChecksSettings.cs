namespace Unbundled.Messaging.CustomChecks;

/// <summary>Where custom check results go and how long a periodic result lives (null: 4 × the check's interval).</summary>
public sealed record CustomChecksSettings(string Queue, TimeSpan? TimeToLive);
