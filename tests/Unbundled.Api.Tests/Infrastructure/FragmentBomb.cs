namespace Unbundled.Api.Tests.Infrastructure;

/// <summary>
/// Documents whose expansion doubles with each fragment: F0 spreads F1 twice, F1 spreads F2 twice, and so on, down to
/// one <c>__typename</c>. On the query type every copy is collected for execution: 26 deep took 20 s before issue 9.
/// </summary>
public static class FragmentBomb
{
    public static string Of(int depth) =>
        "{ ...F0 } "
        + string.Concat(Enumerable.Range(0, depth).Select(i => $"fragment F{i} on Query {{ ...F{i + 1} ...F{i + 1} }} "))
        + $"fragment F{depth} on Query {{ __typename }}";
}
