using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Unbundled.Messaging.InProcess;

namespace Unbundled.Shell;

/// <summary>
/// What only a development host adds to the shell: the local stand-ins of <c>--shell aws-local</c> and the fault
/// injector. Unbundled.Shell.Dev implements it and the AppHost references it; the deployed hosts do not, so that neither
/// the shell nor their images carry the stand-ins' launcher or test fault injection (docs/architecture.md). A host hands
/// it to each builder with <see cref="SharedConventions.UseDevelopmentShell"/> before it adds the endpoint.
/// </summary>
public interface IDevelopmentShell
{
    /// <summary>
    /// The stand-ins for the shell's data folder, started on first use and shared by the endpoints of the process;
    /// adds to <paramref name="services"/> what watches them.
    /// </summary>
    AwsStandInUrls StartStandIns(ShellOptions shell, IServiceCollection services, ProcessScope process);

    /// <summary>Decorates the ports the shell has registered, as the configuration asks (<c>Unbundled:FailOnceDomain</c>).</summary>
    void DecoratePorts(IHostApplicationBuilder builder, ProcessScope process);
}
