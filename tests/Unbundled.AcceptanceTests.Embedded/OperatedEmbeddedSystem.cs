using Unbundled.AcceptanceTests.Infrastructure;
using Unbundled.AppHost;

namespace Unbundled.AcceptanceTests.Embedded;

/// <summary>The embedded system with no retries, and the <c>failed</c> command run as the AppHost runs it, on the same data folder.</summary>
public sealed class OperatedEmbeddedSystem() : EmbeddedSystem(IOperatedSystem.NoRetries), IOperatedSystem
{
    public string[] UnreachableArguments => ["--data-path", Path.Combine(DataPath, "nothing-here")];

    public async Task<(int ExitCode, string Output)> Failed(params string[] arguments)
    {
        using var output = new StringWriter();
        var words = arguments.TakeWhile(argument => !argument.StartsWith("--", StringComparison.Ordinal)).ToArray();
        var exitCode = await FailedCommand.Run([.. words, "--data-path", DataPath, .. arguments.Skip(words.Length)], output, output);
        return (exitCode, output.ToString());
    }
}
