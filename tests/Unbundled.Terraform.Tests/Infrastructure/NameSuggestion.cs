namespace Unbundled.Terraform.Tests.Infrastructure;

/// <summary>The schema check's hint for a misspelt name: the closest valid name, when it is within two edits.</summary>
internal static class NameSuggestion
{
    /// <summary>" (did you mean 'x'?)" for the closest of <paramref name="candidates"/>, or nothing.</summary>
    public static string For(string name, IEnumerable<string> candidates) =>
        candidates.MinBy(candidate => Edits(name, candidate)) is { } closest && Edits(name, closest) <= 2
            ? $" (did you mean '{closest}'?)"
            : "";

    /// <summary>The Levenshtein distance: insertions, deletions and substitutions that turn one name into the other.</summary>
    private static int Edits(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1], previous[j]) + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            previous = current;
        }

        return previous[b.Length];
    }
}
