using System.Diagnostics;
using Unbundled.AcceptanceTests.Infrastructure;
using Unbundled.Testing;

namespace Unbundled.AcceptanceTests.Embedded.SeparatePrograms;

/// <summary>
/// <c>dotnet run --project src/{project}</c> in a folder of the test's choosing, as a user types it there; with
/// <c>--no-build</c>, since the test's build built the program in the same configuration.
/// </summary>
internal static class DotnetRun
{
    /// <summary>Starts the program in <paramref name="folder"/> and waits until it prints <paramref name="readyLine"/>.</summary>
    public static Task<EndpointProcess> Start(string folder, string project, string readyLine, params string[] programArguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "run", "--no-build", "-c", EndpointProcess.BuildConfiguration, "--project", RepositoryRoot.Combine("src", project), "--" }.Concat(programArguments))
        {
            start.ArgumentList.Add(argument);
        }

        return EndpointProcess.Start(start, project, readyLine);
    }
}
