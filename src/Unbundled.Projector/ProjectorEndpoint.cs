using Microsoft.Extensions.Hosting;
using Unbundled.Messaging.Hosting;
using Unbundled.Projector.Handlers;
using Unbundled.Shell;

namespace Unbundled.Projector;

public static class ProjectorEndpoint
{
    /// <summary>Adds the Projector endpoint; it subscribes to CustomerInvited when it starts.</summary>
    public static IHostApplicationBuilder AddProjectorEndpoint(this IHostApplicationBuilder builder) =>
        builder.AddMessagingEndpoint(builder.CreateEndpoint(EndpointNames.Projector).RegisterHandler<CustomerInvitedHandler>());
}
