using System.Globalization;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Unbundled.Lambda.Runtime;

namespace Unbundled.Lambda.Harness.RuntimeApi;

/// <summary>
/// The Runtime API of one execution environment, on a free loopback port: <c>/next</c> hands out the one invocation the
/// environment holds, <c>/response</c>, <c>/error</c> and <c>/init/error</c> answer it (docs/lambda.md#runtime-api).
/// </summary>
internal sealed class RuntimeApiServer : IAsyncDisposable
{
    private const string Prefix = "/2018-06-01/runtime";

    private readonly Channel<PendingInvocation> invocations = Channel.CreateBounded<PendingInvocation>(1);
    private readonly TaskCompletionSource<FunctionError> initError = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource initialized = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly WebApplication app;
    private readonly string functionArn;
    private PendingInvocation? current;

    private RuntimeApiServer(WebApplication app, string functionArn)
    {
        this.app = app;
        this.functionArn = functionArn;
        app.MapGet(Prefix + "/invocation/next", (Func<HttpContext, Task>)Next);
        app.MapPost(Prefix + "/invocation/{requestId}/response", (Delegate)Respond);
        app.MapPost(Prefix + "/invocation/{requestId}/error", (Delegate)ReportError);
        app.MapPost(Prefix + "/init/error", (Delegate)ReportInitError);
    }

    /// <summary>The <c>host:port</c> the function finds in <c>AWS_LAMBDA_RUNTIME_API</c>.</summary>
    public string Endpoint { get; private set; } = string.Empty;

    public Task<FunctionError> InitError => initError.Task;

    /// <summary>Done when the process first asks for an invocation: its init phase is over.</summary>
    public Task Initialized => initialized.Task;

    public static async Task<RuntimeApiServer> Start(string functionArn)
    {
        var server = new RuntimeApiServer(HarnessWebHost.Create(port: 0), functionArn);
        await server.app.StartAsync();
        var address = new Uri(server.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        server.Endpoint = $"127.0.0.1:{address.Port}";
        return server;
    }

    public ValueTask Enqueue(PendingInvocation invocation) => invocations.Writer.WriteAsync(invocation);

    public async ValueTask DisposeAsync()
    {
        invocations.Writer.TryComplete();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        await app.StopAsync(stop.Token);
        await app.DisposeAsync();
    }

    private async Task Next(HttpContext context)
    {
        initialized.TrySetResult();
        PendingInvocation invocation;
        try
        {
            invocation = await invocations.Reader.ReadAsync(context.RequestAborted);
        }
        catch (Exception exception) when (exception is OperationCanceledException or ChannelClosedException)
        {
            return;
        }

        current = invocation;
        invocation.Take();
        var headers = context.Response.Headers;
        headers["Lambda-Runtime-Aws-Request-Id"] = invocation.RequestId;
        headers["Lambda-Runtime-Deadline-Ms"] = invocation.Deadline.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        headers["Lambda-Runtime-Invoked-Function-Arn"] = functionArn;
        headers["Lambda-Runtime-Trace-Id"] = "Root=1-" + invocation.RequestId.Replace("-", string.Empty, StringComparison.Ordinal)[..24] + ";Sampled=0";
        context.Response.ContentType = "application/json";
        await context.Response.Body.WriteAsync(invocation.Payload, context.RequestAborted);
    }

    private async Task<IResult> Respond(HttpContext context, string requestId)
    {
        if (Held(requestId) is not { } invocation)
        {
            return Results.BadRequest(new { errorMessage = $"Invalid request ID: {requestId}", errorType = "InvalidRequestID" });
        }

        var body = await ReadBody(context);
        // Lambda's limit for a synchronous response (docs/lambda.md#runtime-api).
        if (body.Length > 6 * 1024 * 1024)
        {
            invocation.TryAnswer(InvocationOutcome.FunctionError, [], new FunctionError("Response payload size exceeded maximum allowed payload size (6291556 bytes).", "Function.ResponseSizeTooLarge", []));
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        invocation.TryAnswer(InvocationOutcome.Succeeded, body, null);
        return Results.Accepted();
    }

    private async Task<IResult> ReportError(HttpContext context, string requestId)
    {
        if (Held(requestId) is not { } invocation)
        {
            return Results.BadRequest(new { errorMessage = $"Invalid request ID: {requestId}", errorType = "InvalidRequestID" });
        }

        invocation.TryAnswer(InvocationOutcome.FunctionError, [], await ReadError(context));
        return Results.Accepted();
    }

    private async Task<IResult> ReportInitError(HttpContext context)
    {
        initError.TrySetResult(await ReadError(context));
        return Results.Accepted();
    }

    private PendingInvocation? Held(string requestId)
    {
        var invocation = current;
        return invocation is not null && invocation.RequestId == requestId ? Interlocked.CompareExchange(ref current, null, invocation) : null;
    }

    private static async Task<FunctionError> ReadError(HttpContext context)
    {
        var body = await ReadBody(context);
        var type = context.Request.Headers[RuntimeApiClient.ErrorTypeHeader].FirstOrDefault() ?? "Unhandled";
        try
        {
            return JsonSerializer.Deserialize<FunctionError>(body) ?? new FunctionError(string.Empty, type, []);
        }
        catch (JsonException)
        {
            // Lambda takes any body; one that is not the error document is passed on as its message.
            return new FunctionError(System.Text.Encoding.UTF8.GetString(body), type, []);
        }
    }

    private static async Task<byte[]> ReadBody(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        return buffer.ToArray();
    }
}
