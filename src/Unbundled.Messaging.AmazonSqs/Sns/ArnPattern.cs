namespace Unbundled.Messaging.AmazonSqs.Sns;

/// <summary>IAM <c>ArnLike</c> matching: <c>*</c> stands for any run of characters, <c>?</c> for one; case-sensitive.</summary>
internal static class ArnPattern
{
    public static bool IsWildcard(string pattern) => pattern.AsSpan().IndexOfAny('*', '?') >= 0;

    /// <summary>True when every ARN that <paramref name="arn"/> matches is also matched by <paramref name="pattern"/>.</summary>
    /// <remarks>Exact for a literal ARN; for a wildcard <paramref name="arn"/> only when both are equal, which is all a policy merge needs.</remarks>
    public static bool Covers(string pattern, string arn) =>
        string.Equals(pattern, arn, StringComparison.Ordinal) || (!IsWildcard(arn) && Matches(pattern, arn));

    private static bool Matches(ReadOnlySpan<char> pattern, ReadOnlySpan<char> text)
    {
        // Greedy glob match with backtracking to the last '*': linear for the patterns we write (one trailing '*').
        int p = 0, t = 0, star = -1, resume = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || pattern[p] == text[t]))
            {
                p++;
                t++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                resume = t;
            }
            else if (star >= 0)
            {
                p = star + 1;
                t = ++resume;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }
}
