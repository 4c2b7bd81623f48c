namespace Unbundled.Messaging.CustomChecks;

/// <summary>What a custom check found: passed, or failed with the reason ServicePulse shows.</summary>
public sealed record CheckResult(bool HasFailed, string? FailureReason)
{
    public static readonly CheckResult Pass = new(false, null);

    public static CheckResult Failed(string reason) => new(true, reason);
}
