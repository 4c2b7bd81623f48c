using Unbundled.Domain.Events;
using Unbundled.Domain.Invitations;

namespace Unbundled.Domain.Messages;

/// <summary>
/// The reply to whoever sent <see cref="Commands.InviteCustomer"/>. Replies are plain messages, not events: nobody
/// subscribes to them, they go back to one requester.
/// </summary>
/// <param name="CustomerId">
/// The invited customer; on <see cref="InviteFailureReason.AlreadyInvited"/> the customer who already owns the email.
/// </param>
public sealed record InviteCustomerResponse(
    Guid? CustomerId,
    string? Email,
    bool Invited,
    InviteFailureReason? FailureReason,
    string? FailureMessage)
{
    public static InviteCustomerResponse From(CustomerInvited invited) =>
        new(invited.CustomerId, invited.Email, Invited: true, FailureReason: null, FailureMessage: null);

    public static InviteCustomerResponse From(CustomerInviteFailed failed) =>
        new(failed.ExistingCustomerId, failed.Email, Invited: false, failed.Reason, failed.Message);
}
