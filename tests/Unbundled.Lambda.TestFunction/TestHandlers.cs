using System.Text;
using Unbundled.Lambda.Runtime;

namespace Unbundled.Lambda.TestFunction;

/// <summary>The behaviours the harness tests need, one per <c>UNBUNDLED_TEST_HANDLER</c> value.</summary>
internal static class TestHandlers
{
    public static Task<IInvocationHandler> Create(CancellationToken cancellationToken) => Environment.GetEnvironmentVariable("UNBUNDLED_TEST_HANDLER") switch
    {
        "work-endpoint" => WorkEndpoint.Start(cancellationToken),
        "never-initializes" => NeverInitializes(cancellationToken),
        var handler => Task.FromResult<IInvocationHandler>(Behaviour(handler)),
    };

    private static async Task<IInvocationHandler> NeverInitializes(CancellationToken cancellationToken)
    {
        await Task.Delay(Timeout.Infinite, cancellationToken);
        throw new OperationCanceledException(cancellationToken);
    }

    private static Handler Behaviour(string? handler) => handler switch
    {
        "echo" => new Handler((invocation, _) => Task.FromResult(Echo(invocation))),
        "fail" => new Handler((_, _) => throw new InvalidOperationException("The handler failed on purpose")),
        "wait-for-deadline" => new Handler(async (_, token) =>
        {
            await Task.Delay(Timeout.Infinite, token);
            return [];
        }),
        "ignore-deadline" => new Handler(async (_, _) =>
        {
            await Task.Delay(Timeout.Infinite, CancellationToken.None);
            return [];
        }),
        "fail-init" => throw new InvalidOperationException("The function's configuration is missing on purpose"),
        var other => throw new InvalidOperationException($"Unknown test handler {other}"),
    };

    /// <summary>The payload back, with the process and the deadline it was given, so tests can see which environment answered.</summary>
    private static byte[] Echo(Invocation invocation) => Encoding.UTF8.GetBytes(
        $$"""{"processId":{{Environment.ProcessId}},"deadlineMs":{{invocation.Deadline.ToUnixTimeMilliseconds()}},"payload":{{Encoding.UTF8.GetString(invocation.Payload)}}}""");

    private sealed class Handler(Func<Invocation, CancellationToken, Task<byte[]>> handle) : IInvocationHandler
    {
        public Task<byte[]> Handle(Invocation invocation, CancellationToken cancellationToken) => handle(invocation, cancellationToken);
    }
}
