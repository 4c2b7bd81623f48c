namespace Unbundled.Api.Tests.Infrastructure;

/// <summary>Documents whose size doubles with each fragment: F0 spreads F1 twice, F1 spreads F2 twice, and so on.</summary>
public static class FragmentBomb
{
    public static string Of(int depth) =>
        "{ Customer(id: \"1\") { ...F0 } } "
        + string.Concat(Enumerable.Range(0, depth).Select(i => $"fragment F{i} on Customer {{ ...F{i + 1} ...F{i + 1} }} "))
        + $"fragment F{depth} on Customer {{ id }}";
}
