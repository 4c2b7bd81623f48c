using Unbundled.Domain.Commands;
using Unbundled.Domain.Events;

namespace Unbundled.Domain.Invitations;

/// <summary>
/// The state an invite decision needs: who already owns an email. No claim is <c>null</c>. It keeps everything the
/// invite carried, so a redelivered command can be answered with the very event it produced the first time.
/// </summary>
public sealed record EmailClaim(Guid CustomerId, Guid EventId, string Email, DateTimeOffset InvitedAt)
{
    /// <summary>What the claim is stored and looked up under.</summary>
    public string Key => EmailAddress.Key(Email);

    public static EmailClaim From(CustomerInvited invited) =>
        new(invited.CustomerId, invited.EventId, invited.Email, invited.InvitedAt);

    /// <summary>True when <paramref name="command"/> is the one that made this claim, delivered again.</summary>
    public bool WasMadeBy(InviteCustomer command) => command.CustomerId == CustomerId && command.EventId == EventId;

    public CustomerInvited ToEvent() => new(EventId, CustomerId, Email, InvitedAt);
}
