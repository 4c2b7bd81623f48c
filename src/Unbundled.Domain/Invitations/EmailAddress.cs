namespace Unbundled.Domain.Invitations;

/// <summary>How an email is tidied and compared. It lives in the domain so every shell stores and looks up claims alike.</summary>
public static class EmailAddress
{
    /// <summary>The email to keep and show: surrounding whitespace is never meant, the rest is as the requester typed it.</summary>
    public static string Normalize(string email) => email.Trim();

    /// <summary>
    /// The key an email is claimed under. Mailboxes are case-insensitive in practice, so <c>Ann@X.com</c> and
    /// <c>ann@x.com </c> are one email. Upper case (CA1308) with the invariant culture, so the key never depends on the host.
    /// </summary>
    public static string Key(string email) => Normalize(email).ToUpperInvariant();
}
