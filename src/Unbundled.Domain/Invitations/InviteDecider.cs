using Unbundled.Domain.Commands;
using Unbundled.Domain.Events;

namespace Unbundled.Domain.Invitations;

/// <summary>
/// Decides an invite from the command and the claim on its email, and evolves the claim from the outcome. Pure: the
/// shell loads the claim by <see cref="EmailAddress.Key"/>, calls <see cref="Decide"/>, stores and publishes the result.
/// </summary>
public static class InviteDecider
{
    public const string EmailRequiredMessage = "Email is required";
    public const string AlreadyInvitedMessage = "Customer already invited";

    public static InvitationEvent Decide(InviteCustomer command, EmailClaim? existing)
    {
        var email = EmailAddress.Normalize(command.Email ?? "");

        return (email, EmailRules.FindBrokenRule(email), existing) switch
        {
            ("", _, _) => Failed(command, InviteFailureReason.EmailRequired, EmailRequiredMessage),
            (_, { } brokenRule, _) => Failed(command, InviteFailureReason.InvalidEmail, brokenRule),
            (_, null, null) => new CustomerInvited(command.EventId, command.CustomerId, email, command.RequestedAt),
            (_, null, { } claim) when claim.Key != EmailAddress.Key(email) =>
                throw new ArgumentException($"The claim on '{claim.Email}' does not belong to '{email}'.", nameof(existing)),
            (_, null, { } claim) when claim.WasMadeBy(command) => claim.ToEvent(),
            (_, null, { } claim) => Failed(command, InviteFailureReason.AlreadyInvited, AlreadyInvitedMessage, claim.CustomerId),
        };
    }

    /// <summary>The first invite claims the email for good; nothing after it takes the claim away.</summary>
    public static EmailClaim? Evolve(EmailClaim? claim, InvitationEvent outcome) =>
        outcome.Match(invited => claim ?? EmailClaim.From(invited), failed => claim);

    private static CustomerInviteFailed Failed(
        InviteCustomer command, InviteFailureReason reason, string message, Guid? existingCustomerId = null) =>
        new(command.EventId, command.Email, reason, message, existingCustomerId);
}
