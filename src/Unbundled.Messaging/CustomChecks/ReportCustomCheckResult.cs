namespace Unbundled.Messaging.CustomChecks;

/// <summary>NServiceBus.CustomChecks' <c>ServiceControl.Plugin.CustomChecks.Messages.ReportCustomCheckResult</c>, in the plugin's property order.</summary>
internal sealed record ReportCustomCheckResult(
    Guid HostId, string CustomCheckId, string Category, bool HasFailed, string? FailureReason, DateTime ReportedAt, string EndpointName, string Host)
{
    public const string TypeFullName = "ServiceControl.Plugin.CustomChecks.Messages.ReportCustomCheckResult";
}
