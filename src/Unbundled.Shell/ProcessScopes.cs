using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Unbundled.Messaging.InProcess;

namespace Unbundled.Shell;

/// <summary>
/// How a host's endpoint finds the <see cref="ProcessScope"/> it shares with the other hosts of its process
/// (docs/process-scope.md): the composition root that builds several hosts gives each the one it owns
/// (<see cref="JoinProcess"/>); a host alone in its process gets one of its own, disposed with it.
/// </summary>
public static class ProcessScopes
{
    /// <summary>Runs the endpoint of <paramref name="builder"/> in <paramref name="process"/>, which the caller disposes after the host.</summary>
    public static IHostApplicationBuilder JoinProcess(this IHostApplicationBuilder builder, ProcessScope process)
    {
        builder.Properties[typeof(ProcessScope)] = process;
        return builder;
    }

    /// <summary>The scope the builder joined, or one of its own, disposed with the host, when it joined none.</summary>
    public static ProcessScope ProcessOf(IHostApplicationBuilder builder)
    {
        if (builder.Properties.TryGetValue(typeof(ProcessScope), out var joined))
        {
            return (ProcessScope)joined;
        }

        var own = new ProcessScope();
        builder.Properties[typeof(ProcessScope)] = own;
        // A hosted service is created when the host starts, so the container disposes it, and the scope, with the host.
        builder.Services.AddHostedService(_ => new OwnedProcessScope(own));
        return own;
    }

    private sealed class OwnedProcessScope(ProcessScope scope) : IHostedService, IAsyncDisposable
    {
        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public ValueTask DisposeAsync() => scope.DisposeAsync();
    }
}
