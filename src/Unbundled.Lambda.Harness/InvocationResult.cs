using Unbundled.Lambda.Runtime;

namespace Unbundled.Lambda.Harness;

public enum InvocationOutcome
{
    /// <summary>The function posted a response.</summary>
    Succeeded,

    /// <summary>The function posted an invocation error.</summary>
    FunctionError,

    /// <summary>The function posted an init error (or exited) before taking the invocation; Lambda's <c>Runtime.InitError</c>.</summary>
    InitError,

    /// <summary>The deadline passed without an answer; the environment was stopped, as Lambda does.</summary>
    TimedOut,

    /// <summary>The process exited while it held the invocation; Lambda's <c>Runtime.ExitError</c>.</summary>
    RuntimeExited,
}

/// <summary>What an invocation came to, as the caller of Lambda's Invoke sees it.</summary>
/// <param name="ColdStart">True when a new environment (process) was started for it.</param>
/// <param name="Duration">From the invoke to the answer; for a cold start, from the process start.</param>
public sealed record InvocationResult(
    InvocationOutcome Outcome, byte[] Payload, FunctionError? Error, string RequestId, bool ColdStart, TimeSpan Duration)
{
    public bool Succeeded => Outcome == InvocationOutcome.Succeeded;
}
