namespace Unbundled.Lambda.Harness;

/// <summary>A function as Lambda knows it: its bootstrap command, its environment, its timeout and how many environments it may have.</summary>
/// <param name="Name">The function name (<c>AWS_LAMBDA_FUNCTION_NAME</c>).</param>
/// <param name="FileName">The bootstrap: an executable, or <c>dotnet</c> with the assembly in <paramref name="Arguments"/>.</param>
/// <param name="Arguments">Its arguments.</param>
/// <param name="Environment">The function's environment variables.</param>
/// <param name="Timeout">Lambda's function timeout: the deadline of every invocation.</param>
/// <param name="MaxEnvironments">Reserved concurrency: at most this many invocations run at once, one per environment.</param>
public sealed record FunctionDefinition(
    string Name,
    string FileName,
    IReadOnlyList<string> Arguments,
    IReadOnlyDictionary<string, string> Environment,
    TimeSpan Timeout,
    int MaxEnvironments = 1)
{
    /// <summary>Lambda's limit for the init phase of an on-demand function.</summary>
    public static readonly TimeSpan LambdaInitLimit = TimeSpan.FromSeconds(10);

    public int MemorySizeMb { get; init; } = 512;

    /// <summary>
    /// How long an environment's init may take before it counts as failed: Lambda's 10 s unless a test on a loaded
    /// machine needs more (docs/lambda.md#the-local-harness).
    /// </summary>
    public TimeSpan InitTimeout { get; init; } = LambdaInitLimit;
}
