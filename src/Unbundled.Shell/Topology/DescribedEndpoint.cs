using Microsoft.Extensions.DependencyInjection;
using Unbundled.Messaging;
using Unbundled.Messaging.Topology;

namespace Unbundled.Shell.Topology;

/// <summary>An endpoint as its host composed it: its configuration, what it declares it sends, and the services around it.</summary>
internal sealed record DescribedEndpoint(EndpointConfiguration Configuration, DeclaredMessages Declared, IServiceCollection Services)
{
    public string Name => Configuration.EndpointName;

    /// <summary>Every endpoint registered in the hosts' services.</summary>
    public static IReadOnlyList<DescribedEndpoint> In(IEnumerable<IServiceCollection> hosts) =>
        [.. from services in hosts
            from descriptor in services
            where descriptor.ServiceType == typeof(EndpointConfiguration) && descriptor.ImplementationInstance is EndpointConfiguration
            let configuration = (EndpointConfiguration)descriptor.ImplementationInstance!
            select new DescribedEndpoint(configuration, DeclaredMessages.Of(configuration), services)];

    /// <summary>True when this endpoint sends a message <paramref name="receiver"/> handles, routed to it.</summary>
    public bool SendsTo(DescribedEndpoint receiver) =>
        Declared.Sends.Any(sent => Configuration.Routing.EndpointFor(sent) == receiver.Name
            && receiver.Configuration.HandledMessageTypes.Any(handled => handled.IsAssignableFrom(sent)));

    /// <summary>Where replies to this endpoint go: requests (callbacks) ask for them at the sending instance's own queue.</summary>
    public bool RepliesGoToInstances => Configuration is { CallbacksEnabled: true, CallbacksMakeRequests: true, InstanceDiscriminator: not null };
}
