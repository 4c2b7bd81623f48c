using System.Net;
using Microsoft.Extensions.Logging;

namespace Unbundled.Lambda.Runtime;

/// <summary>
/// The custom runtime's loop: initialize once (an exception is an init error), then one invocation at a time until the
/// environment ends. The handler's token is cancelled <see cref="DeadlineMargin"/> before the deadline so that its answer,
/// an error for what did not finish, still reaches Lambda (docs/lambda.md#deadline).
/// </summary>
public static class LambdaRuntime
{
    public static TimeSpan DeadlineMargin { get; } = TimeSpan.FromMilliseconds(500);

    /// <returns>The process exit code: 1 after an init error or when the Runtime API fails us.</returns>
    public static async Task<int> Run(
        Func<CancellationToken, Task<IInvocationHandler>> initialize, ILogger logger, TimeProvider? clock = null,
        CancellationToken cancellationToken = default)
    {
        clock ??= TimeProvider.System;
        using var api = RuntimeApiClient.FromEnvironment();
        IInvocationHandler handler;
        try
        {
            handler = await initialize(cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogCritical(exception, "The function could not initialize");
            await api.ReportInitError(FunctionError.From(exception), CancellationToken.None);
            return 1;
        }

        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var invocation = await api.Next(cancellationToken);
                await Invoke(api, handler, invocation, clock, logger);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (HttpRequestException exception) when (exception.StatusCode is HttpStatusCode.InternalServerError or null)
        {
            logger.LogCritical(exception, "The Runtime API failed; the environment ends");
            return 1;
        }

        return 0;
    }

    private static async Task Invoke(RuntimeApiClient api, IInvocationHandler handler, Invocation invocation, TimeProvider clock, ILogger logger)
    {
        using var untilDeadline = new CancellationTokenSource(Max(invocation.RemainingTime(clock) - DeadlineMargin, TimeSpan.Zero), clock);
        byte[] response;
        try
        {
            response = await handler.Handle(invocation, untilDeadline.Token);
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "Invocation {RequestId} failed", invocation.RequestId);
            await api.ReportError(invocation.RequestId, FunctionError.From(exception), CancellationToken.None);
            return;
        }

        await api.Respond(invocation.RequestId, response, CancellationToken.None);
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
