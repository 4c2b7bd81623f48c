namespace Unbundled.Benchmarks.Mutations;

/// <summary>Distinct, valid emails, so every mutation is a fresh invite.</summary>
internal sealed class Emails(string prefix)
{
    private long next;

    public string Next() => $"{prefix}-{Interlocked.Increment(ref next)}@bench.example";
}
