using System.Diagnostics;
using System.Text.Json;

namespace Unbundled.LocalAws;

/// <summary>Makes sure <c>tools/node_modules</c> holds every pinned package, running <c>npm ci</c> once when it does not.</summary>
public static class NodeTools
{
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(5);

    public static async Task EnsureInstalled(CancellationToken cancellationToken)
    {
        if (IsInstalled())
        {
            return;
        }

        // Several test projects may start at once; npm ci deletes node_modules first, so only one may run it.
        Directory.CreateDirectory(RepositoryLayout.LocalState);
        await using var installLock = await AcquireLock(Path.Combine(RepositoryLayout.LocalState, "npm-ci.lock"), cancellationToken);
        if (IsInstalled())
        {
            return;
        }

        await RunNpmCi(cancellationToken);
        if (!IsInstalled())
        {
            throw new InvalidOperationException($"npm ci finished but {RepositoryLayout.Tools}/node_modules still lacks a package of package.json.");
        }
    }

    /// <summary>True when every package <c>tools/package.json</c> pins is in <c>node_modules</c>.</summary>
    private static bool IsInstalled()
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryLayout.Tools, "package.json")));
        return manifest.RootElement.GetProperty("dependencies").EnumerateObject()
            .All(package => File.Exists(Path.Combine(RepositoryLayout.Tools, "node_modules", package.Name, "package.json")));
    }

    private static async Task RunNpmCi(CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("npm", ["ci", "--no-audit", "--no-fund"])
        {
            WorkingDirectory = RepositoryLayout.Tools,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        using var npm = Start(start);
        var output = npm.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = npm.StandardError.ReadToEndAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(InstallTimeout);
        try
        {
            await npm.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            npm.Kill(entireProcessTree: true);
            throw;
        }

        if (npm.ExitCode != 0)
        {
            throw new InvalidOperationException($"npm ci in {RepositoryLayout.Tools} failed with exit code {npm.ExitCode}:\n{await output}\n{await errors}");
        }
    }

    /// <summary>Starts a process, turning "node is not installed" into a message that says so.</summary>
    public static Process Start(ProcessStartInfo start)
    {
        try
        {
            return Process.Start(start) ?? throw new InvalidOperationException($"{start.FileName} did not start.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"'{start.FileName}' was not found: the AWS emulators need npm and Node.js on the PATH (and setsid, from util-linux, on Linux; fauxqs runs on the Node 22 that npm ci installs on Linux x64, elsewhere on the PATH's, which must be 22.5+).", e);
        }
    }

    private static async Task<FileStream> AcquireLock(string path, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(InstallTimeout);
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException)
            {
                await Task.Delay(200, timeout.Token);
            }
        }
    }
}
