using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Unbundled.Lambda.Harness.RuntimeApi;
using Unbundled.Lambda.Runtime;

namespace Unbundled.Lambda.Harness;

/// <summary>
/// One execution environment: a Runtime API and the function process it started, holding one invocation at a time. A
/// timeout, an init error or an exit ends it, as in Lambda; the next invocation then gets a new environment (a cold start).
/// </summary>
internal sealed class ExecutionEnvironment : IAsyncDisposable
{
    private readonly FunctionDefinition function;
    private readonly RuntimeApiServer api;
    private readonly Process process;
    private readonly TaskCompletionSource exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly long startedAt = Stopwatch.GetTimestamp();
    private bool warm;

    private ExecutionEnvironment(FunctionDefinition function, RuntimeApiServer api, Process process, ILogger logger)
    {
        this.function = function;
        this.api = api;
        this.process = process;
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => exited.TrySetResult();
        process.OutputDataReceived += (_, e) => Log(logger, e.Data);
        process.ErrorDataReceived += (_, e) => Log(logger, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public bool Alive { get; private set; } = true;

    public int ProcessId => process.Id;

    public static async Task<ExecutionEnvironment> Start(FunctionDefinition function, ILoggerFactory loggerFactory)
    {
        var arn = $"arn:aws:lambda:us-east-1:000000000000:function:{function.Name}";
        var api = await RuntimeApiServer.Start(arn);
        var start = new ProcessStartInfo(function.FileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in function.Arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in function.Environment)
        {
            start.Environment[name] = value;
        }

        start.Environment[RuntimeApiClient.EndpointVariable] = api.Endpoint;
        start.Environment["AWS_LAMBDA_FUNCTION_NAME"] = function.Name;
        start.Environment["AWS_LAMBDA_FUNCTION_VERSION"] = "$LATEST";
        start.Environment["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] = function.MemorySizeMb.ToString(CultureInfo.InvariantCulture);
        start.Environment["AWS_LAMBDA_LOG_GROUP_NAME"] = "/aws/lambda/" + function.Name;
        start.Environment["AWS_LAMBDA_LOG_STREAM_NAME"] = $"{DateTime.UtcNow:yyyy/MM/dd}/[$LATEST]{Guid.NewGuid():N}";
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {function.FileName}");
        return new ExecutionEnvironment(function, api, process, loggerFactory.CreateLogger("Unbundled.Lambda.Function." + function.Name));
    }

    public async Task<InvocationResult> Invoke(byte[] payload, TimeProvider clock, CancellationToken cancellationToken)
    {
        var cold = !warm;
        warm = true;
        var began = cold ? startedAt : Stopwatch.GetTimestamp();
        var invocation = new PendingInvocation(Guid.NewGuid().ToString(), function.Timeout, payload, clock);
        await api.Enqueue(invocation);
        InvocationResult Result(InvocationOutcome outcome, byte[] body, FunctionError? error) =>
            new(outcome, body, error, invocation.RequestId, cold, Stopwatch.GetElapsedTime(began));

        // Init: until the process asks for the invocation, within the init limit (Lambda's 10 s by default).
        var initEnded = Task.Delay(function.InitTimeout, clock, cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
        var first = await Task.WhenAny(invocation.Taken, api.InitError, exited.Task, initEnded);
        if (first != invocation.Taken)
        {
            await End();
            cancellationToken.ThrowIfCancellationRequested();
            return first == api.InitError
                ? Result(InvocationOutcome.InitError, [], await api.InitError)
                : Result(InvocationOutcome.InitError, [], new FunctionError(
                    first == exited.Task ? $"Runtime exited before taking an invocation: exit status {process.ExitCode}" : "Init timed out", "Runtime.ExitError", []));
        }

        var untilDeadline = Max(invocation.Deadline - clock.GetUtcNow(), TimeSpan.Zero);
        var timedOut = Task.Delay(untilDeadline, clock, cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
        var answered = await Task.WhenAny(invocation.Answer, exited.Task, timedOut);
        if (answered == invocation.Answer)
        {
            var (outcome, body, error) = await invocation.Answer;
            return Result(outcome, body, error);
        }

        await End();
        cancellationToken.ThrowIfCancellationRequested();
        return answered == exited.Task
            ? Result(InvocationOutcome.RuntimeExited, [], new FunctionError($"Runtime exited with error: exit status {process.ExitCode}", "Runtime.ExitError", []))
            : Result(InvocationOutcome.TimedOut, [], new FunctionError($"Task timed out after {function.Timeout.TotalSeconds:0.00} seconds", "Sandbox.Timedout", []));
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    /// <summary>Runs the init phase ahead of any invocation, as provisioned concurrency does; false when it failed.</summary>
    public async Task<bool> Initialize(CancellationToken cancellationToken)
    {
        await Task.WhenAny(api.Initialized, api.InitError, exited.Task, Task.Delay(function.InitTimeout, cancellationToken));
        cancellationToken.ThrowIfCancellationRequested();
        // Its first invocation finds it initialized: no cold start for the caller.
        warm = api.Initialized.IsCompleted;
        return warm;
    }

    public async ValueTask DisposeAsync()
    {
        await End();
        process.Dispose();
    }

    /// <summary>Lambda stops an environment whose invocation timed out or whose init failed: the process goes with it.</summary>
    private async Task End()
    {
        Alive = false;
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            await exited.Task.WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception exception) when (exception is InvalidOperationException or TimeoutException)
        {
        }

        await api.DisposeAsync();
    }

    private void Log(ILogger logger, string? line)
    {
        if (line is not null)
        {
            logger.LogInformation("[{Function} {ProcessId}] {Line}", function.Name, process.Id, line);
        }
    }
}
