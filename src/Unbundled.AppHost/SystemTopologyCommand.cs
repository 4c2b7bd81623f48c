using Unbundled.Api;
using Unbundled.Contracts;
using Unbundled.Customers;
using Unbundled.Messaging.Topology;
using Unbundled.Projector;
using Unbundled.Shell;
using Unbundled.Shell.Topology;

namespace Unbundled.AppHost;

/// <summary>
/// <c>topology [--json]</c>: what the system needs of AWS, from the three endpoints composed exactly as <see cref="UnbundledSystem"/>
/// composes them (same options, e.g. <c>--Unbundled:NamePrefix=dev-</c>), but never started. See docs/topology.md.
/// </summary>
public static class SystemTopologyCommand
{
    public const string Name = "topology";

    public static SystemTopology Describe(string[] args)
    {
        var (hosts, configuration) = Compose(args);
        return ShellTopology.Describe(hosts, configuration);
    }

    /// <summary>The services of the three endpoints' hosts, composed to be described, and the configuration they read.</summary>
    public static (IReadOnlyList<IServiceCollection> Hosts, IConfiguration Configuration) Compose(string[] args)
    {
        args = [.. args, $"--{ShellOptions.DescribeOnlyKey}=true"];
        var customers = Host.CreateApplicationBuilder(SharedConventions.HostSettings(args));
        customers.AddEndpoint(EndpointNames.Customers, endpoint => endpoint.UseCustomersEndpoint());
        var projector = Host.CreateApplicationBuilder(SharedConventions.HostSettings(args));
        projector.AddEndpoint(EndpointNames.Projector, endpoint => endpoint.UseProjectorEndpoint());
        var api = WebApplication.CreateBuilder(ApiEndpoint.WebSettings(args));
        api.AddApi();
        return ([customers.Services, projector.Services, api.Services], api.Configuration);
    }

    /// <summary>Prints the topology of the system <paramref name="args"/> (after the command name) describe.</summary>
    public static void Run(string[] args, TextWriter output)
    {
        var json = args.Contains("--json");
        var topology = Describe([.. args.Where(arg => arg != "--json")]);
        output.Write(json ? TopologyJson.Write(topology) + Environment.NewLine : TopologyText.Write(topology));
    }
}
