using System.Text;

namespace Unbundled.Messaging.Embedded;

/// <summary>Queue names that are safe folder names everywhere; idempotent, so a physical name maps to itself.</summary>
internal static class QueueNames
{
    public static string Sanitize(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-');
        }

        // Names starting with a dot are this transport's own folders (.subscriptions, .tmp, ...).
        if (builder.Length > 0 && builder[0] == '.')
        {
            builder[0] = '-';
        }

        return builder.ToString();
    }
}
