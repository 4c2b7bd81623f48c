using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Unbundled.Lambda.Harness;

/// <summary>
/// A function and its execution environments: an invocation takes an idle environment or starts one (up to
/// <see cref="FunctionDefinition.MaxEnvironments"/>, beyond which it waits, as reserved concurrency throttles).
/// </summary>
public sealed class LocalFunction(FunctionDefinition definition, ILoggerFactory? loggerFactory = null, TimeProvider? clock = null) : IAsyncDisposable
{
    private readonly ConcurrentBag<ExecutionEnvironment> idle = [];
    private readonly ConcurrentDictionary<ExecutionEnvironment, bool> all = new();
    private readonly SemaphoreSlim slots = new(definition.MaxEnvironments);
    private readonly ILoggerFactory loggers = loggerFactory ?? NullLoggerFactory.Instance;
    private readonly ILogger logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<LocalFunction>();

    public FunctionDefinition Definition => definition;

    /// <summary>The environments alive now (started and not ended).</summary>
    public int Environments => all.Count;

    public async Task<InvocationResult> Invoke(byte[] payload, CancellationToken cancellationToken = default)
    {
        await slots.WaitAsync(cancellationToken);
        try
        {
            if (!idle.TryTake(out var environment))
            {
                environment = await ExecutionEnvironment.Start(definition, loggers);
                all[environment] = true;
            }

            logger.LogDebug("{Function} invoked, environment {ProcessId}", definition.Name, environment.ProcessId);
            var result = await environment.Invoke(payload, clock ?? TimeProvider.System, cancellationToken);
            logger.LogDebug("{Function} answered {Outcome} in {Duration:0.0} ms (cold start: {ColdStart})",
                definition.Name, result.Outcome, result.Duration.TotalMilliseconds, result.ColdStart);
            if (environment.Alive)
            {
                idle.Add(environment);
            }
            else
            {
                all.TryRemove(environment, out _);
                await environment.DisposeAsync();
            }

            return result;
        }
        finally
        {
            slots.Release();
        }
    }

    /// <summary>Starts one environment and runs its init now (provisioned concurrency); throws when the init fails.</summary>
    public async Task Prewarm(CancellationToken cancellationToken = default)
    {
        var environment = await ExecutionEnvironment.Start(definition, loggers);
        all[environment] = true;
        if (!await environment.Initialize(cancellationToken))
        {
            all.TryRemove(environment, out _);
            await environment.DisposeAsync();
            throw new InvalidOperationException($"Function {definition.Name} failed its init; its output is in the log");
        }

        idle.Add(environment);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var environment in all.Keys)
        {
            await environment.DisposeAsync();
        }

        all.Clear();
        slots.Dispose();
    }
}
