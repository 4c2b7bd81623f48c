using Unbundled.Domain.Events;
using Unbundled.Messaging;

namespace Unbundled.Terraform.Tests.Drifted;

/// <summary>A handler someone adds to the Projector without touching terraform: it subscribes the Projector to one more event.</summary>
public sealed class CustomerInviteFailedHandler : IHandleMessages<CustomerInviteFailed>
{
    public Task Handle(CustomerInviteFailed message, IMessageHandlerContext context) => Task.CompletedTask;
}
