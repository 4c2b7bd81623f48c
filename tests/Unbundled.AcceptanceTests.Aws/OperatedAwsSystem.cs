using Unbundled.AcceptanceTests.Infrastructure;

namespace Unbundled.AcceptanceTests.Aws;

/// <summary>The AWS system with no retries, and the AppHost's <c>failed</c> command run as its own process with the endpoints' shell options.</summary>
public sealed class OperatedAwsSystem() : AwsSystem(IOperatedSystem.NoRetries), IOperatedSystem
{
    public string[] UnreachableArguments => ["--Unbundled:NamePrefix=nobody-here-"];

    public Task<(int ExitCode, string Output)> Failed(params string[] arguments) =>
        CommandRun.Program("Unbundled.AppHost", ["failed", .. WordsOf(arguments), .. ShellArguments, .. OptionsOf(arguments)], Environment);

    private static IEnumerable<string> WordsOf(string[] arguments) => arguments.TakeWhile(argument => !argument.StartsWith("--", StringComparison.Ordinal));

    private static IEnumerable<string> OptionsOf(string[] arguments) => arguments.SkipWhile(argument => !argument.StartsWith("--", StringComparison.Ordinal));
}
