namespace Unbundled.Domain.Invitations;

/// <summary>
/// The shape an email must have to be invited: a plain, ASCII-only subset of RFC 5321/5322. Quoted local parts, comments and
/// IP-literal domains are valid on paper but rarely deliverable, and a rule stated in one sentence is one a requester can fix.
/// Checked in this order on the trimmed email; the first rule broken is reported:
/// <list type="number">
/// <item>at most 254 characters, the longest address SMTP can carry;</item>
/// <item>no whitespace or control characters anywhere;</item>
/// <item>exactly one '@';</item>
/// <item>a local part (before the '@') of 1 to 64 characters;</item>
/// <item>local part characters are letters, digits, dots and <c>!#$%&amp;'*+/=?^_`{|}~-</c>;</item>
/// <item>the local part neither starts nor ends with a dot, nor has two dots in a row;</item>
/// <item>the domain has at least one '.';</item>
/// <item>every domain label is 1 to 63 characters;</item>
/// <item>domain labels hold letters, digits and hyphens only (international domains arrive punycoded);</item>
/// <item>no domain label starts or ends with a hyphen.</item>
/// </list>
/// </summary>
public static class EmailRules
{
    private const string LocalSymbols = "!#$%&'*+/=?^_`{|}~-.";

    /// <summary>The message naming the first rule <paramref name="email"/> breaks, or null when it breaks none.</summary>
    public static string? FindBrokenRule(string email)
    {
        var at = email.IndexOf('@', StringComparison.Ordinal);
        var local = at < 0 ? "" : email[..at];
        var domain = at < 0 ? "" : email[(at + 1)..];
        var labels = domain.Split('.');

        return email switch
        {
            { Length: > 254 } => "Email must be at most 254 characters",
            _ when email.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)) => "Email must not contain whitespace or control characters",
            _ when at < 0 || at != email.LastIndexOf('@') => "Email must contain exactly one '@'",
            _ when local.Length is < 1 or > 64 => "The part before the '@' must be 1 to 64 characters",
            _ when !local.All(IsLocalCharacter) => "The part before the '@' may only hold letters, digits, dots and !#$%&'*+/=?^_`{|}~-",
            _ when local.StartsWith('.') || local.EndsWith('.') || local.Contains("..", StringComparison.Ordinal) =>
                "The part before the '@' must not start or end with a dot or have two dots in a row",
            _ when !domain.Contains('.', StringComparison.Ordinal) => "The domain must contain at least one '.'",
            _ when labels.Any(label => label.Length is < 1 or > 63) => "Each part of the domain must be 1 to 63 characters",
            _ when !labels.All(label => label.All(IsLabelCharacter)) => "The domain may only hold letters, digits, hyphens and dots",
            _ when labels.Any(label => label.StartsWith('-') || label.EndsWith('-')) =>
                "No part of the domain may start or end with a hyphen",
            _ => null,
        };
    }

    private static bool IsLocalCharacter(char c) => char.IsAsciiLetterOrDigit(c) || LocalSymbols.Contains(c, StringComparison.Ordinal);

    private static bool IsLabelCharacter(char c) => char.IsAsciiLetterOrDigit(c) || c == '-';
}
