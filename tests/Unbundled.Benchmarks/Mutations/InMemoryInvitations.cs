using Unbundled.Domain.Commands;
using Unbundled.Domain.Events;
using Unbundled.Domain.Invitations;

namespace Unbundled.Benchmarks.Mutations;

/// <summary>
/// Email claims in a dictionary. Load, decide and store run under one lock, so two invites of one email never both find
/// it free: the role the claim's primary key plays in the embedded shell.
/// </summary>
internal sealed class InMemoryInvitations
{
    private readonly Dictionary<string, EmailClaim> claims = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    public InvitationEvent Decide(InviteCustomer command)
    {
        var key = EmailAddress.Key(command.Email ?? string.Empty);
        lock (gate)
        {
            var claim = claims.GetValueOrDefault(key);
            var outcome = InviteDecider.Decide(command, claim);
            if (InviteDecider.Evolve(claim, outcome) is { } evolved && evolved != claim)
            {
                claims[key] = evolved;
            }

            return outcome;
        }
    }
}
