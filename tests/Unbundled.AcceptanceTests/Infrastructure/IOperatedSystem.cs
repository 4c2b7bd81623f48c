namespace Unbundled.AcceptanceTests.Infrastructure;

/// <summary>
/// A system whose endpoints send a failed message straight to <c>error</c> (no immediate or delayed retries) and which an
/// operator reaches with the AppHost's <c>failed</c> command on the system's own shell options.
/// </summary>
public interface IOperatedSystem : ISystemUnderTest
{
    /// <summary>The system's endpoint arguments that send a failure straight to error.</summary>
    static readonly string[] NoRetries = ["--Unbundled:ImmediateRetries=0", "--Unbundled:DelayedRetries=0"];

    /// <summary>Options that point the command at queues that do not exist.</summary>
    string[] UnreachableArguments { get; }

    /// <summary>Runs <c>failed …</c> with the system's shell options before <paramref name="arguments"/>; its exit code and its output (stdout and stderr).</summary>
    Task<(int ExitCode, string Output)> Failed(params string[] arguments);
}
