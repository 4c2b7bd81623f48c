using System.Diagnostics;
using System.Runtime.InteropServices;
using Unbundled.AcceptanceTests.Infrastructure;
using Unbundled.LocalAws;
using Xunit;

namespace Unbundled.AcceptanceTests.Lambda;

/// <summary>
/// The deployables as they ship, published once for the class from the build the tests run on: the ECS images' programs
/// (what <c>-t:PublishContainer</c> packs, <c>--no-build</c>) and the functions' package as docs/lambda.md#publishing
/// and terraform/README.md deploy it (self-contained, ReadyToRun, for this machine's RID).
/// </summary>
public sealed class PublishedDeployables : IAsyncLifetime
{
    public const string Functions = "Unbundled.Functions";

    public static readonly string[] EcsHosts = ["Unbundled.Api", "Unbundled.Customers.Host", "Unbundled.Projector.Host"];

    /// <summary>
    /// The deployed publish of the package. The configuration is the tests' (the Release of the docs' command when the
    /// tests run in Release), so that its copies of the core can be the very files of the other shells' builds.
    /// </summary>
    public static readonly string[] FunctionsPackage = ["-r", RuntimeInformation.RuntimeIdentifier, "--self-contained", "-p:PublishReadyToRun=true"];

    private readonly string root = Path.Combine(Path.GetTempPath(), "unbundled-published-" + Guid.NewGuid().ToString("N"));

    public string Folder(string project) => Path.Combine(root, project);

    // The package builds for its RID (Unbundled.Api too, into its own linux-x64 folder); the libraries of the core are
    // RID-agnostic, so it takes their one build as it is.
    public Task InitializeAsync() =>
        Task.WhenAll([.. EcsHosts.Select(host => Publish(host, ["--no-build"])), Publish(Functions, FunctionsPackage)]);

    public Task DisposeAsync()
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }

        return Task.CompletedTask;
    }

    private async Task Publish(string project, IEnumerable<string> how)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "publish", Path.Combine(RepositoryLayout.Root, "src", project), "-c", EndpointProcess.BuildConfiguration }.Concat(how).Concat(["-o", Folder(project)]))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet publish {project} failed: {await output}{await errors}");
        }
    }
}
