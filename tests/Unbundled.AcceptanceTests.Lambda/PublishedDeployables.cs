using System.Diagnostics;
using Unbundled.AcceptanceTests.Infrastructure;
using Unbundled.LocalAws;
using Xunit;

namespace Unbundled.AcceptanceTests.Lambda;

/// <summary>
/// The deployables as they ship, published from the build the tests run on (<c>--no-build</c>): the ECS images'
/// programs (what <c>-t:PublishContainer</c> packs) and the functions' bootstrap (terraform/README.md).
/// </summary>
public sealed class PublishedDeployables : IAsyncLifetime
{
    public static readonly string[] Projects = ["Unbundled.Api", "Unbundled.Customers.Host", "Unbundled.Projector.Host", "Unbundled.Functions"];

    private readonly string root = Path.Combine(Path.GetTempPath(), "unbundled-published-" + Guid.NewGuid().ToString("N"));

    public string Folder(string project) => Path.Combine(root, project);

    public Task InitializeAsync() => Task.WhenAll(Projects.Select(Publish));

    public Task DisposeAsync()
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }

        return Task.CompletedTask;
    }

    private async Task Publish(string project)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "publish", Path.Combine(RepositoryLayout.Root, "src", project), "--no-build", "-c", EndpointProcess.BuildConfiguration, "-o", Folder(project) })
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
