using Unbundled.Domain.Invitations;

namespace Unbundled.Domain.Events;

/// <summary>
/// An invite was rejected. A rejection is an outcome, not an error: the same command would be rejected again, so there is
/// nothing for a transport to retry.
/// </summary>
/// <param name="Email">The email exactly as the command carried it, so the requester sees what was rejected.</param>
/// <param name="Message">A sentence for the requester naming the rule that was broken.</param>
/// <param name="ExistingCustomerId">The customer who already owns the email, for <see cref="InviteFailureReason.AlreadyInvited"/>.</param>
public sealed record CustomerInviteFailed(
    Guid EventId,
    string? Email,
    InviteFailureReason Reason,
    string Message,
    Guid? ExistingCustomerId)
    : InvitationEvent(EventId)
{
    public override T Match<T>(Func<CustomerInvited, T> invited, Func<CustomerInviteFailed, T> failed) => failed(this);
}
