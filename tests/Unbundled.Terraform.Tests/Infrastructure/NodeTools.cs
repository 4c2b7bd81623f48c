using System.ComponentModel;
using System.Diagnostics;

namespace Unbundled.Terraform.Tests.Infrastructure;

/// <summary>Runs the node scripts in <c>tools/</c>, installing <c>tools/node_modules</c> with <c>npm ci</c> first when it lacks the HCL parser.</summary>
/// <remarks>
/// The install follows <c>Unbundled.Testing.Aws</c>'s: test projects start in parallel and <c>npm ci</c> deletes
/// <c>node_modules</c> first, so it runs under the same lock file, and only after checking again once the lock is held.
/// </remarks>
internal static class NodeTools
{
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromMinutes(2);

    /// <summary>Runs <c>node tools/{script} {arguments}</c> and returns what it printed; a non-zero exit throws with its errors.</summary>
    public static async Task<string> RunScript(string script, IEnumerable<string> arguments, CancellationToken cancellationToken = default)
    {
        await EnsureInstalled(cancellationToken);
        var (exitCode, output, errors) = await Run("node", [Path.Combine(RepositoryLayout.Tools, script), .. arguments], ScriptTimeout, cancellationToken);
        return exitCode == 0
            ? output
            : throw new InvalidOperationException($"node {script} failed with exit code {exitCode}:\n{errors}");
    }

    private static async Task EnsureInstalled(CancellationToken cancellationToken)
    {
        if (IsInstalled())
        {
            return;
        }

        Directory.CreateDirectory(RepositoryLayout.LocalState);
        await using var installLock = await AcquireLock(Path.Combine(RepositoryLayout.LocalState, "npm-ci.lock"), cancellationToken);
        if (IsInstalled())
        {
            return;
        }

        var (exitCode, output, errors) = await Run("npm", ["ci", "--no-audit", "--no-fund"], InstallTimeout, cancellationToken);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"npm ci in {RepositoryLayout.Tools} failed with exit code {exitCode}:\n{output}\n{errors}");
        }

        if (!IsInstalled())
        {
            throw new InvalidOperationException($"npm ci finished but {RepositoryLayout.Tools}/node_modules still lacks @cdktf/hcl2json.");
        }
    }

    // Also true of a node_modules installed before the parser joined tools/package.json: npm ci then brings it up to date.
    private static bool IsInstalled() =>
        File.Exists(Path.Combine(RepositoryLayout.Tools, "node_modules", "@cdktf", "hcl2json", "package.json"));

    private static async Task<(int ExitCode, string Output, string Errors)> Run(
        string fileName, IEnumerable<string> arguments, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(fileName, arguments)
        {
            WorkingDirectory = RepositoryLayout.Tools,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        using var process = Start(start);
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

    private static Process Start(ProcessStartInfo start)
    {
        try
        {
            return Process.Start(start) ?? throw new InvalidOperationException($"{start.FileName} did not start.");
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException($"'{start.FileName}' was not found: the terraform checks need Node.js 20+ and npm on the PATH.", e);
        }
    }

    private static async Task<FileStream> AcquireLock(string path, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(InstallTimeout);
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException)
            {
                await Task.Delay(200, deadline.Token);
            }
        }
    }
}
