using System.Diagnostics;
using Unbundled.Testing;

namespace Unbundled.AcceptanceTests.Infrastructure;

/// <summary>One endpoint program (Api, Customers, Projector) as its own OS process, run from its own build output.</summary>
public sealed class EndpointProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly ProcessOutput output;

    private EndpointProcess(Process process, string readyLine)
    {
        this.process = process;
        output = new ProcessOutput(process, readyLine, kept: 200);
    }

    public string Output => output.ToString();

    /// <summary>
    /// The test runs from tests/…/bin/{configuration}/net10.0; the programs were built in the same configuration.
    /// </summary>
    public static string BuildConfiguration { get; } =
        new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;

    /// <summary>Starts <c>src/{project}</c>'s program (or a test host in <c>tests/</c>) and waits until it prints a line containing <paramref name="readyLine"/>.</summary>
    public static async Task<EndpointProcess> Start(string project, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment, string readyLine)
    {
        var start = StartInfo(project, arguments, environment);
        return await Start(start, project, readyLine);
    }

    /// <summary>How to start <c>src/{project}</c>'s (or a test host's) built program with its output redirected.</summary>
    public static ProcessStartInfo StartInfo(string project, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment)
    {
        var dll = new[] { "src", "tests" }
            .Select(folder => RepositoryRoot.Combine(folder, project, "bin", BuildConfiguration, "net10.0", project + ".dll"))
            .FirstOrDefault(File.Exists) ?? throw new FileNotFoundException($"{project} is not built in {BuildConfiguration} under src/ or tests/.");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return start;
    }

    /// <summary>Starts a program as <paramref name="start"/> says and waits until it prints <paramref name="readyLine"/>.</summary>
    public static async Task<EndpointProcess> Start(ProcessStartInfo start, string name, string readyLine)
    {
        var endpoint = new EndpointProcess(Process.Start(start) ?? throw new InvalidOperationException($"{name} did not start."), readyLine);
        try
        {
            await endpoint.output.Ready.WaitAsync(TimeSpan.FromSeconds(90));
            return endpoint;
        }
        catch (TimeoutException)
        {
            await endpoint.DisposeAsync();
            throw new InvalidOperationException($"{name} did not print '{readyLine}' within 90 s:{Environment.NewLine}{endpoint.Output}");
        }
    }

    /// <summary>Stops the program as a container orchestrator would: SIGTERM, then a kill if it does not end in time.</summary>
    public async ValueTask Stop()
    {
        await Terminate();
        process.Dispose();
    }

    /// <inheritdoc cref="ChildProcessExtensions.Terminate"/>
    public Task<(TimeSpan Elapsed, int? ExitCode)> Terminate() => process.Terminate();

    public ValueTask DisposeAsync()
    {
        process.KillAndDispose();
        return ValueTask.CompletedTask;
    }
}
