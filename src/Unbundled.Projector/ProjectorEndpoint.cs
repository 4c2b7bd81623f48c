using Unbundled.Messaging;
using Unbundled.Projector.Handlers;

namespace Unbundled.Projector;

public static class ProjectorEndpoint
{
    /// <summary>Makes an endpoint the shell configured the Projector endpoint; it subscribes to CustomerInvited when it starts.</summary>
    public static EndpointConfiguration UseProjectorEndpoint(this EndpointConfiguration endpoint) =>
        endpoint.RegisterHandler<CustomerInvitedHandler>();
}
