using Microsoft.AspNetCore.TestHost;
using Unbundled.Api;
using Unbundled.Contracts;
using Unbundled.Customers;
using Unbundled.Lambda.Http;
using Unbundled.Lambda.Runtime;
using Unbundled.Lambda.Sqs;
using Unbundled.Projector;
using Unbundled.Shell;
using Unbundled.Shell.Telemetry;

namespace Unbundled.Functions;

/// <summary>
/// The system's three functions, one per endpoint, with the same handlers, DI and DynamoDB persistence as the other
/// shells: <c>_HANDLER</c> (Lambda's handler setting) names the one to start. The init phase starts the endpoint's host.
/// </summary>
public static class SystemFunctions
{
    public const string Customers = "customers";
    public const string Projector = "projector";
    public const string Api = "api";

    private static readonly string[] Arguments = ["--shell", "lambda"];

    public static Task<IInvocationHandler> Start(CancellationToken cancellationToken) => Start(beforeEndpoint: null, cancellationToken);

    /// <param name="beforeEndpoint">Runs before the endpoint is added: a test bootstrap adds the development shell there.</param>
    /// <param name="cancellationToken">Cancels the init.</param>
    public static async Task<IInvocationHandler> Start(Action<IHostApplicationBuilder>? beforeEndpoint, CancellationToken cancellationToken) =>
        Environment.GetEnvironmentVariable("_HANDLER") switch
        {
            Customers => await Endpoint(builder => builder.AddEndpoint(EndpointNames.Customers, endpoint => endpoint.UseCustomersEndpoint()), EndpointNames.Customers, beforeEndpoint, cancellationToken),
            Projector => await Endpoint(builder => builder.AddEndpoint(EndpointNames.Projector, endpoint => endpoint.UseProjectorEndpoint()), EndpointNames.Projector, beforeEndpoint, cancellationToken),
            Api => await HttpApi(beforeEndpoint, cancellationToken),
            var other => throw new InvalidOperationException($"_HANDLER is '{other}': use {Customers}, {Projector} or {Api}"),
        };

    private static async Task<IInvocationHandler> Endpoint(
        Action<HostApplicationBuilder> add, string endpointName, Action<IHostApplicationBuilder>? beforeEndpoint, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder(SharedConventions.HostSettings(Arguments));
        beforeEndpoint?.Invoke(builder);
        add(builder);
        builder.AddTelemetry(logMutationTimelines: false);
        var host = builder.Build();
        await host.StartAsync(cancellationToken);
        return new SqsEventFunction(host.Services.GetRequiredKeyedService<LambdaSqsTransport>(endpointName));
    }

    /// <summary>
    /// The API behind the function URL, on an in-memory server. Its instance queue (replies to its requests) belongs to this
    /// execution environment: named after the environment's log stream, unique to it, and removed by a later
    /// environment's stale-queue clean-up once this one is gone (docs/lambda.md#request-response).
    /// </summary>
    private static async Task<IInvocationHandler> HttpApi(Action<IHostApplicationBuilder>? beforeEndpoint, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateBuilder(ApiEndpoint.WebSettings([.. Arguments, "--instance-id", ExecutionEnvironmentId()]));
        builder.WebHost.UseTestServer();
        beforeEndpoint?.Invoke(builder);
        builder.AddApi();
        builder.AddTelemetry(logMutationTimelines: true);
        var app = builder.Build();
        app.MapApi();
        await app.StartAsync(cancellationToken);
        return new HttpFunction(app.GetTestServer().CreateHandler());
    }

    /// <summary>The log stream, <c>2026/12/03/[$LATEST]0123…</c>, is the one name Lambda gives each environment.</summary>
    private static string ExecutionEnvironmentId()
    {
        var stream = Environment.GetEnvironmentVariable("AWS_LAMBDA_LOG_STREAM_NAME") ?? Guid.NewGuid().ToString("N");
        var id = new string([.. stream[(stream.LastIndexOf(']') + 1)..].Where(char.IsAsciiLetterOrDigit)]);
        return "lambda-" + (id.Length > 16 ? id[..16] : id);
    }
}
