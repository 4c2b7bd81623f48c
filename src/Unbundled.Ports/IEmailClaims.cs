using Unbundled.Domain.Invitations;

namespace Unbundled.Ports;

/// <summary>
/// Who owns which email: the state of the invite decision. Writes join the message's storage session, so a claim and
/// the outgoing messages of the invite that made it commit together.
/// </summary>
public interface IEmailClaims
{
    Task<EmailClaim?> Find(string emailKey, CancellationToken cancellationToken);

    /// <summary>Records a new claim; fails (and the message is retried) when another invite claimed the email first.</summary>
    Task Add(EmailClaim claim, CancellationToken cancellationToken);
}
