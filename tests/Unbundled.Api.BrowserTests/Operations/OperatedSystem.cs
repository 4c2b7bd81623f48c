using Unbundled.Api.Tests.Infrastructure;

namespace Unbundled.Api.BrowserTests.Operations;

/// <summary>The system with the shell's injected failure, no retries (a failure goes straight to error) and a short reply timeout.</summary>
public sealed class OperatedSystem() : RunningSystem(
    "--Unbundled:FailOnceDomain", OperatedSystem.FailOnceDomain,
    "--Unbundled:ImmediateRetries", "0",
    "--Unbundled:DelayedRetries", "0",
    "--request-timeout-seconds", "1")
{
    public const string FailOnceDomain = "fail-once.test";
}
