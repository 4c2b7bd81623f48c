namespace Unbundled.Lambda.Runtime;

/// <summary>One event handed to the function by <c>/runtime/invocation/next</c> (docs/lambda.md#runtime-api).</summary>
/// <param name="RequestId">The <c>Lambda-Runtime-Aws-Request-Id</c> header: every answer names it in its path.</param>
/// <param name="Deadline">The <c>Lambda-Runtime-Deadline-Ms</c> header: when Lambda stops the environment.</param>
/// <param name="FunctionArn">The <c>Lambda-Runtime-Invoked-Function-Arn</c> header.</param>
/// <param name="TraceId">The <c>Lambda-Runtime-Trace-Id</c> header (X-Ray), if any.</param>
/// <param name="Payload">The event as sent, JSON.</param>
public sealed record Invocation(string RequestId, DateTimeOffset Deadline, string FunctionArn, string? TraceId, byte[] Payload)
{
    public TimeSpan RemainingTime(TimeProvider clock) => Deadline - clock.GetUtcNow();
}
