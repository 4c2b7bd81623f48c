namespace Unbundled.Messaging.AmazonSqs.Naming;

/// <summary>Replaces every character SQS and SNS names do not allow with '-', as NServiceBus.AmazonSQS does.</summary>
internal static class AwsNameSanitizer
{
    /// <summary>Sanitizes all but the last <paramref name="keepSuffixLength"/> characters.</summary>
    /// <remarks>
    /// NServiceBus tests with <see cref="char.IsLetterOrDigit(char)"/>, which lets Unicode letters such as 'é' through;
    /// SQS and SNS accept only ASCII, so such a name fails at CreateQueue there. We keep ASCII only: the names agree
    /// with NServiceBus for every name AWS accepts, and a non-ASCII name becomes usable instead of failing.
    /// </remarks>
    public static string Sanitize(string name, int keepSuffixLength = 0) =>
        string.Create(name.Length, (name, name.Length - keepSuffixLength), static (chars, state) =>
        {
            var (source, sanitizeUpTo) = state;
            for (var i = 0; i < chars.Length; i++)
            {
                var c = source[i];
                chars[i] = i >= sanitizeUpTo || IsAllowed(c) ? c : '-';
            }
        });

    private static bool IsAllowed(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_';
}
