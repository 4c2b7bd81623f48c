namespace Unbundled.Lambda.Harness.RuntimeApi;

/// <summary>An invocation waiting for, or held by, the function process.</summary>
internal sealed class PendingInvocation(string requestId, TimeSpan timeout, byte[] payload, TimeProvider clock)
{
    private readonly TaskCompletionSource taken = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private readonly TaskCompletionSource<(InvocationOutcome Outcome, byte[] Payload, Lambda.Runtime.FunctionError? Error)> answer =
        new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string RequestId => requestId;

    /// <summary>The function timeout from when the process took it: Lambda's init phase is not part of it.</summary>
    public DateTimeOffset Deadline { get; private set; }

    public byte[] Payload => payload;

    /// <summary>Done once the process took it with <c>/next</c>.</summary>
    public Task Taken => taken.Task;

    public void Take()
    {
        Deadline = clock.GetUtcNow() + timeout;
        taken.TrySetResult();
    }

    public Task<(InvocationOutcome Outcome, byte[] Payload, Lambda.Runtime.FunctionError? Error)> Answer => answer.Task;

    public bool TryAnswer(InvocationOutcome outcome, byte[] body, Lambda.Runtime.FunctionError? error) =>
        answer.TrySetResult((outcome, body, error));
}
