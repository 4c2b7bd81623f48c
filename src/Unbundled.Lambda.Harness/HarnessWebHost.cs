using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Unbundled.Lambda.Harness;

/// <summary>
/// A small Kestrel server of the harness (a Runtime API, the function URL) on a loopback port: silent, and started and
/// stopped by its owner only, never by the process's Ctrl+C, which its owner handles.
/// </summary>
internal static class HarnessWebHost
{
    public static WebApplication Create(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseSetting("urls", $"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IHostLifetime, OwnedLifetime>();
        return builder.Build();
    }

    private sealed class OwnedLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
