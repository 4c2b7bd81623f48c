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

    public string Name => "ours";

    public Uri BaseAddress => arguments.BaseAddress;

    public IServiceProvider ApiServices => system.Api.Services;

    public static async Task<OurSystem> Start(Action<WebApplicationBuilder>? configureApi = null, bool dataInsideContentRoot = false)
    {
        var arguments = SystemArguments.Create("ours", dataInsideContentRoot);
        var system = UnbundledSystem.Build(arguments.Args, configureApi);
        await system.Start();
        return new OurSystem(arguments, system);
    }

    public async ValueTask DisposeAsync()
    {
        await system.Stop();
        await system.DisposeAsync();
        arguments.Dispose();
    }
}
