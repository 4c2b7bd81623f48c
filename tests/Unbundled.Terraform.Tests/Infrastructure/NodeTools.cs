using System.Diagnostics;
using Unbundled.Testing;

namespace Unbundled.Terraform.Tests.Infrastructure;

/// <summary>Runs the node scripts in <c>tools/</c>, after <see cref="LocalAws.NodeTools"/> made sure the pinned packages are installed.</summary>
internal static class NodeTools
{
    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromMinutes(2);

    /// <summary>Runs <c>node tools/{script} {arguments}</c> and returns what it printed; a non-zero exit throws with its errors.</summary>
    public static async Task<string> RunScript(string script, IEnumerable<string> arguments, CancellationToken cancellationToken = default)
    {
        await LocalAws.NodeTools.EnsureInstalled(cancellationToken);
        var (exitCode, output, errors) = await Run("node", [RepositoryRoot.Combine("tools", script), .. arguments], ScriptTimeout, cancellationToken);
        return exitCode == 0
            ? output
            : throw new InvalidOperationException($"node {script} failed with exit code {exitCode}:\n{errors}");
    }

    private static async Task<(int ExitCode, string Output, string Errors)> Run(
        string fileName, IEnumerable<string> arguments, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(fileName, arguments)
        {
            WorkingDirectory = RepositoryRoot.Combine("tools"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        using var process = LocalAws.NodeTools.Start(start);
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await output, await errors);
    }
}
