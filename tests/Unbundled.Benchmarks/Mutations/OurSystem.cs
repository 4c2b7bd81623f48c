using Microsoft.AspNetCore.Builder;
using Unbundled.AppHost;

namespace Unbundled.Benchmarks.Mutations;

/// <summary>The real system as the AppHost runs it: API, Customers and Projector on the embedded shell (file-system queues, SQLite).</summary>
internal sealed class OurSystem : ISystemUnderTest
{
    private readonly SystemArguments arguments;
    private readonly UnbundledSystem system;

    private OurSystem(SystemArguments arguments, UnbundledSystem system)
    {
        this.arguments = arguments;
        this.system = system;
    }

    public string Name { get; private init; } = "ours";

    public Uri BaseAddress => arguments.BaseAddress;

    /// <summary>The data folder: queues and the SQLite file.</summary>
    public string DataPath => arguments.DataPath;

    public IServiceProvider ApiServices => system.Api.Services;

    /// <summary>The stand-ins the AWS system's process started.</summary>
    public LocalAws.LocalAwsStandIns StandIns => Shell.Dev.DevelopmentShell.StandInsOf(system.Process);

    public static async Task<OurSystem> Start(Action<WebApplicationBuilder>? configureApi = null, bool dataInsideContentRoot = false)
    {
        var arguments = SystemArguments.Create("ours", dataInsideContentRoot);
        var system = UnbundledSystem.Build(arguments.Args, configureApi);
        await system.Start();
        return new OurSystem(arguments, system);
    }

    /// <summary>
    /// Ours with the ServicePulse features a user gets by default turned off: no audit copies, heartbeats, custom checks
    /// or metrics (the peers have none of them).
    /// </summary>
    public static async Task<OurSystem> StartWithoutPlatformFeatures()
    {
        var arguments = SystemArguments.Create("ours-off");
        var system = UnbundledSystem.Build(
            [.. arguments.Args, "--Unbundled:AuditQueue=", "--Unbundled:ServiceControlQueue=", "--Unbundled:MonitoringQueue="]);
        await system.Start();
        return new OurSystem(arguments, system) { Name = "ours-off" };
    }

    /// <summary>The same system on the AWS shell: SQS/SNS and DynamoDB on the local stand-ins the process starts.</summary>
    public static async Task<OurSystem> StartOnAwsLocal()
    {
        var arguments = SystemArguments.Create("ours-aws");
        var system = UnbundledSystem.Build([.. arguments.Args, "--shell", "aws-local", $"--Unbundled:NamePrefix=b{Guid.NewGuid():N}"[..10] + "-"]);
        await system.Start();
        return new OurSystem(arguments, system) { Name = "ours-aws" };
    }

    /// <summary>Stops the hosts; <see cref="DisposeAsync"/> after it stops nothing more.</summary>
    public Task Stop() => system.Stop();

    public async ValueTask DisposeAsync()
    {
        await system.Stop();
        await system.DisposeAsync();
        arguments.Dispose();
    }
}
