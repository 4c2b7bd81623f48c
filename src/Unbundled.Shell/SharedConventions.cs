using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Unbundled.Contracts;
using Unbundled.Messaging.Hosting;
using Unbundled.Messaging;
using Unbundled.Messaging.Embedded;
using Unbundled.Messaging.InProcess;
using Unbundled.Messaging.Transport;
using Unbundled.Persistence.Sqlite;
using Unbundled.Ports;

namespace Unbundled.Shell;

/// <summary>
/// The one place that wires the infrastructure around the endpoints: transport, persistence, routing, conventions and
/// the ports' implementations, chosen by configuration. Hosts call <see cref="AddEndpoint"/> and add only
/// what is theirs (handlers, callbacks).
/// </summary>
public static class SharedConventions
{
    /// <summary>
    /// Host settings for every endpoint program: the content root is the program's own folder, not the working directory,
    /// because configuration reload watches the content root and the embedded shell's data folder (default
    /// <c>.unbundled</c> in the working directory) sees a file created and deleted for every message.
    /// </summary>
    public static HostApplicationBuilderSettings HostSettings(string[] args) =>
        new() { Args = args, ContentRootPath = AppContext.BaseDirectory };

    /// <summary>Adds the endpoint <paramref name="endpointName"/>, configured by the shell and then by <paramref name="configure"/> (its handlers).</summary>
    public static IHostApplicationBuilder AddEndpoint(
        this IHostApplicationBuilder builder, string endpointName, Func<EndpointConfiguration, EndpointConfiguration> configure) =>
        builder.AddMessagingEndpoint(configure(builder.CreateEndpoint(endpointName)));

    /// <summary>Lets this builder's endpoints use the development features (<see cref="IDevelopmentShell"/>).</summary>
    public static IHostApplicationBuilder UseDevelopmentShell(this IHostApplicationBuilder builder, IDevelopmentShell development)
    {
        builder.Properties[typeof(IDevelopmentShell)] = development;
        return builder;
    }

    public static EndpointConfiguration CreateEndpoint(this IHostApplicationBuilder builder, string endpointName)
    {
        var shell = ShellOptions.From(builder.Configuration);
        var process = ProcessScopes.ProcessOf(builder);
        // Handlers mostly wait on I/O (files, SQLite, AWS): more than the processor count keeps the pipeline full.
        var endpoint = new EndpointConfiguration(endpointName)
            .LimitMessageProcessingConcurrencyTo(builder.Configuration.GetValue("Unbundled:Concurrency", 16))
            .ShareProcess(process);
        if (shell.EnableInstallers)
        {
            endpoint.EnableInstallers();
        }

        UseShutdownTimeout(builder, endpoint);
        // NServiceBus's defaults (5 immediate, 3 delayed) unless told otherwise; 0 and 0 send a failure straight to error.
        endpoint.Recoverability
            .Immediate(builder.Configuration.GetValue("Unbundled:ImmediateRetries", endpoint.Recoverability.ImmediateRetries))
            .Delayed(builder.Configuration.GetValue("Unbundled:DelayedRetries", endpoint.Recoverability.DelayedRetries));
        // ServiceControl Monitoring polls an SQS queue's length itself, but cannot read a folder: the embedded shell reports it.
        endpoint.UseServicePlatform(builder.Configuration, shell.Kind == ShellKind.Embedded ? Checks.QueueFolderLength.Of(shell.QueuesPath, endpointName) : null);

        // What each endpoint sends, publishes and replies is declared, so its topology (and terraform) cannot miss any of it.
        endpoint.RequireDeclaredMessages();
        endpoint.Routing.RouteToEndpoint(typeof(Domain.Commands.InviteCustomer).Assembly, "Unbundled.Domain.Commands", EndpointNames.Customers);

        switch (builder.Configuration.GetValue(ShellOptions.DescribeOnlyKey, false) ? null : (ShellKind?)shell.Kind)
        {
            case null:
                AwsShell.Describe(builder.Services, endpoint, shell);
                break;
            case ShellKind.Embedded:
                UseEmbedded(builder.Services, endpoint, shell, process, builder.Configuration.GetValue("Unbundled:WatchQueues", true));
                break;
            case ShellKind.Aws:
                AwsShell.Use(builder.Services, endpoint, shell, process, standIns: null);
                break;
            case ShellKind.AwsLocal:
                AwsShell.Use(builder.Services, endpoint, shell, process, Development(builder, "--shell aws-local").StartStandIns(shell, builder.Services, process));
                break;
            case ShellKind.Lambda:
                LambdaShell.Use(builder.Services, endpoint, shell, process);
                break;
            case var kind:
                throw new NotSupportedException($"There is no {shell.Kind} shell.");
        }

        // Saves are told to the process's waiters (the API's read-your-writes), whichever store the shell chose.
        var changes = process.Shared<ViewChanges>();
        builder.Services.TryAddSingleton(changes);
        builder.Services.Decorate<ICustomerViews>(inner => new NotifyingCustomerViews(inner, changes));
        // Readers (the API's queries) get the same views through the read-only port, which says they never write.
        builder.Services.TryAddScoped<IReadCustomerViews>(services => services.GetRequiredService<ICustomerViews>());
        if (builder.Properties.ContainsKey(typeof(IDevelopmentShell)) || builder.Configuration["Unbundled:FailOnceDomain"] is { Length: > 0 })
        {
            Development(builder, "Unbundled:FailOnceDomain").DecoratePorts(builder, process);
        }

        return endpoint;
    }

    private static IDevelopmentShell Development(IHostApplicationBuilder builder, string feature) =>
        builder.Properties.TryGetValue(typeof(IDevelopmentShell), out var development)
            ? (IDevelopmentShell)development
            : throw new InvalidOperationException(
                $"{feature} is a development feature of the AppHost (dotnet run --project src/Unbundled.AppHost -- …), which the deployed " +
                "programs do not carry; they run --shell embedded or --shell aws, which AWS_ENDPOINT_URL_SQS, _SNS and _DYNAMODB point at " +
                "stand-ins of your own (README, \"Run against the local stand-ins\").");

    /// <summary>
    /// <c>Unbundled:ShutdownTimeout</c> (default 5 s) bounds a graceful stop from the signal to the exit: the endpoint
    /// shares it out (docs/stopping.md) and the host gives up waiting after it. An orchestrator's grace period (ECS
    /// <c>stopTimeout</c>) must be at least as long.
    /// </summary>
    private static void UseShutdownTimeout(IHostApplicationBuilder builder, EndpointConfiguration endpoint)
    {
        var timeout = builder.Configuration.GetValue("Unbundled:ShutdownTimeout", StopBudget.DefaultShutdownTimeout);
        endpoint.StopWithin(timeout);
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = timeout);
    }

    private static void UseEmbedded(
        IServiceCollection services, EndpointConfiguration endpoint, ShellOptions shell, ProcessScope process, bool watchQueues)
    {
        // One database object per file in the process: it holds the file's single writer and its checkpoints.
        var database = process.Shared(Path.GetFullPath(shell.DatabasePath), () => new SqliteDatabase(shell.DatabasePath));
        var transport = new FileSystemTransport(shell.QueuesPath) { WatchForOtherProcesses = watchQueues };
        endpoint.UseTransport(transport).UsePersistence(new SqlitePersistence(database)).RecordStatusIn(new SqliteEndpointStatus(database));
        Checks.ShellChecks.AddEmbeddedChecks(services, endpoint, transport, shell.DatabasePath);
        services.TryAddSingleton(database);
        services.TryAddSingleton<Messaging.ServicePlatform.IEndpointStatusStore>(new SqliteEndpointStatus(database));
        // Scoped: a view remembers the version it read, for its checked save.
        services.TryAddScoped<ICustomerViews, SqliteCustomerViews>();
        services.TryAddScoped<IEmailClaims, SqliteEmailClaims>();
    }
}
