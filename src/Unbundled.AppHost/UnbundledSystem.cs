using System.Diagnostics;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.Options;
using Unbundled.Api;
using Unbundled.Contracts;
using Unbundled.Messaging.InProcess;
using Unbundled.Messaging.Transport;
using Unbundled.Customers;
using Unbundled.Projector;
using Unbundled.Shell;
using Unbundled.Shell.Dev;
using Unbundled.Shell.Telemetry;

namespace Unbundled.AppHost;

/// <summary>
/// The three endpoints, each on a host of its own as if it were its own process, sharing the command line (the shell
/// and the data folder) and one <see cref="ProcessScope"/>, which this object owns and disposes after the hosts
/// (docs/process-scope.md). Tests start the same composition.
/// </summary>
public sealed class UnbundledSystem : IAsyncDisposable
{
    public const string DefaultUrl = "http://localhost:5080";

    private readonly IHost[] hosts;

    private UnbundledSystem(WebApplication api, IHost[] hosts, ProcessScope process)
    {
        Api = api;
        this.hosts = hosts;
        Process = process;
    }

    public WebApplication Api { get; }

    /// <summary>What the three endpoints share: receivers, file caches, the database's writer, the table, the stand-ins.</summary>
    public ProcessScope Process { get; }

    public static UnbundledSystem Build(string[] args, Action<WebApplicationBuilder>? configureApi = null)
    {
        // All three endpoints share this process, so local sends wake the receivers and no queue-folder watcher is needed
        // (it costs a tenth of the throughput). Pass --Unbundled:WatchQueues=true when other processes share the folder.
        args = ["--Unbundled:WatchQueues=false", .. args];
        // The development features (aws-local, the fault injector) are the AppHost's alone: the deployed hosts lack them.
        var development = new DevelopmentShell();
        var process = new ProcessScope();
        var customers = Host.CreateApplicationBuilder(SharedConventions.HostSettings(args));
        customers.JoinProcess(process).UseDevelopmentShell(development).AddEndpoint(EndpointNames.Customers, endpoint => endpoint.UseCustomersEndpoint());
        var projector = Host.CreateApplicationBuilder(SharedConventions.HostSettings(args));
        projector.JoinProcess(process).UseDevelopmentShell(development).AddEndpoint(EndpointNames.Projector, endpoint => endpoint.UseProjectorEndpoint());

        var apiBuilder = WebApplication.CreateBuilder(ApiEndpoint.WebSettings(args));
        apiBuilder.JoinProcess(process);
        if (string.IsNullOrEmpty(apiBuilder.Configuration["urls"]))
        {
            apiBuilder.WebHost.UseUrls(DefaultUrl);
        }

        apiBuilder.UseDevelopmentShell(development);
        apiBuilder.AddApi();

        // One tracer provider for the process: it sees the spans of all three endpoints and logs each mutation's timeline.
        apiBuilder.AddTelemetry(logMutationTimelines: true);
        configureApi?.Invoke(apiBuilder);
        var api = apiBuilder.Build();
        api.MapApi();
        return new UnbundledSystem(api, [customers.Build(), projector.Build(), api], process);
    }

    public async Task Start(CancellationToken cancellationToken = default)
    {
        foreach (var host in hosts)
        {
            await host.StartAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Runs until Ctrl+C or SIGTERM, then stops within <c>Unbundled:ShutdownTimeout</c>. The banner is logged only once
    /// every host has started and the stop signal is listened for, so whoever waits for it may stop the system at once.
    /// </summary>
    public async Task Run()
    {
        await Start();

        // Not WaitForShutdownAsync: it would stop the API's host, endpoint included, on its own before the others.
        var stopping = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (Api.Lifetime.ApplicationStopping.Register(() => stopping.TrySetResult()))
        {
            Api.Logger.LogInformation("Unbundled is running: GraphiQL at {Urls}, GraphQL at /graphql. Ctrl+C stops it.", string.Join(", ", Api.Urls));
            await stopping.Task;
        }

        var started = Stopwatch.GetTimestamp();
        Api.Logger.LogInformation("Unbundled is stopping");
        await Stop();
        Api.Logger.LogInformation("Unbundled stopped in {Elapsed} ms", (int)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    /// <summary>
    /// Stops the front first, so that no new request arrives and those under way get their replies from endpoints still
    /// running, then every host at once, each sharing out what is left of the shutdown timeout (docs/stopping.md).
    /// </summary>
    public async Task Stop(CancellationToken cancellationToken = default)
    {
        var timeout = Api.Services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout;
        using var handlers = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        handlers.CancelAfter(StopBudget.ForHandlers(timeout));
        using (var requests = CancellationTokenSource.CreateLinkedTokenSource(handlers.Token))
        {
            requests.CancelAfter(StopBudget.ForHandlers(timeout) / 2);
            await Api.Services.GetRequiredService<IServer>().StopAsync(requests.Token);
        }

        await Task.WhenAll(hosts.Select(host => host.StopAsync(handlers.Token)));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in hosts)
        {
            if (host is IAsyncDisposable disposable)
            {
                await disposable.DisposeAsync();
            }
            else
            {
                host.Dispose();
            }
        }

        await Process.DisposeAsync();
    }
}
