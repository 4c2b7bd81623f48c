namespace Unbundled.Lambda.Harness.RuntimeApi;

/// <summary>An invocation waiting for, or held by, the function process.</summary>
internal sealed class PendingInvocation(string requestId, DateTimeOffset deadline, byte[] payload)
{
    private readonly TaskCompletionSource<(InvocationOutcome Outcome, byte[] Payload, Lambda.Runtime.FunctionError? Error)> answer =
        new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string RequestId => requestId;

    public DateTimeOffset Deadline => deadline;

    public byte[] Payload => payload;

    /// <summary>Set once the process took it with <c>/next</c>.</summary>
    public bool Taken { get; set; }

    public Task<(InvocationOutcome Outcome, byte[] Payload, Lambda.Runtime.FunctionError? Error)> Answer => answer.Task;

    public bool TryAnswer(InvocationOutcome outcome, byte[] body, Lambda.Runtime.FunctionError? error) =>
        answer.TrySetResult((outcome, body, error));
}
