using Unbundled.AppHost;
using Unbundled.Messaging;
using Unbundled.Messaging.Topology;
using Unbundled.Shell.Topology;
using Unbundled.Terraform.Tests.Infrastructure;

namespace Unbundled.Terraform.Tests.Drifted;

/// <summary>The system composed as <c>topology</c> composes it, with one endpoint's configuration changed afterwards.</summary>
internal static class DriftedSystem
{
    public static SystemTopology With(string endpointName, Action<EndpointConfiguration> change)
    {
        var (hosts, configuration) = SystemTopologyCommand.Compose(CodeTopology.Arguments);
        var endpoint = hosts.SelectMany(services => services)
            .Select(descriptor => descriptor.ImplementationInstance)
            .OfType<EndpointConfiguration>()
            .Single(candidate => candidate.EndpointName == endpointName);
        change(endpoint);
        return ShellTopology.Describe(hosts, configuration);
    }
}
