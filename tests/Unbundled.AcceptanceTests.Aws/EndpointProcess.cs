using System.Collections.Concurrent;
using System.Diagnostics;
using Unbundled.LocalAws;

namespace Unbundled.AcceptanceTests.Aws;

/// <summary>One endpoint program (Api, Customers, Projector) as its own OS process, run from its own build output.</summary>
internal sealed class EndpointProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly ConcurrentQueue<string> output = new();
    private readonly TaskCompletionSource ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private EndpointProcess(Process process, string readyLine)
    {
        this.process = process;
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => ready.TrySetException(new InvalidOperationException($"The process exited with code {process.ExitCode}:{Environment.NewLine}{Output}"));
        process.OutputDataReceived += (_, e) => Keep(e.Data, readyLine);
        process.ErrorDataReceived += (_, e) => Keep(e.Data, readyLine);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Output => string.Join(Environment.NewLine, output);

    /// <summary>Starts <c>src/{project}</c>'s program and waits until it prints a line containing <paramref name="readyLine"/>.</summary>
    public static async Task<EndpointProcess> Start(string project, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment, string readyLine)
    {
        // The test runs from tests/…/bin/{configuration}/net10.0; the programs were built in the same configuration.
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        var dll = Path.Combine(RepositoryLayout.Root, "src", project, "bin", configuration, "net10.0", project + ".dll");
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

        var endpoint = new EndpointProcess(Process.Start(start) ?? throw new InvalidOperationException($"{project} did not start."), readyLine);
        try
        {
            await endpoint.ready.Task.WaitAsync(TimeSpan.FromSeconds(60));
            return endpoint;
        }
        catch (TimeoutException)
        {
            await endpoint.DisposeAsync();
            throw new InvalidOperationException($"{project} did not print '{readyLine}' within 60 s:{Environment.NewLine}{endpoint.Output}");
        }
    }

    /// <summary>Stops the program as a container orchestrator would: SIGTERM, then a kill if it does not end in time.</summary>
    public async ValueTask Stop()
    {
        await Terminate();
        process.Dispose();
    }

    /// <summary>
    /// Sends SIGTERM and waits up to 30 s for the exit, then kills the program; returns the time from the signal to the
    /// exit, and the exit code (null when it had to be killed).
    /// </summary>
    public async Task<(TimeSpan Elapsed, int? ExitCode)> Terminate()
    {
        if (process.HasExited)
        {
            return (TimeSpan.Zero, process.ExitCode);
        }

        var watch = System.Diagnostics.Stopwatch.StartNew();
        using (var term = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await term.WaitForExitAsync();
        }

        using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await process.WaitForExitAsync(grace.Token);
            return (watch.Elapsed, process.ExitCode);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            return (watch.Elapsed, null);
        }
    }

    public ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        process.Dispose();
        return ValueTask.CompletedTask;
    }

    private void Keep(string? line, string readyLine)
    {
        if (line is null)
        {
            return;
        }

        output.Enqueue(line);
        while (output.Count > 200 && output.TryDequeue(out _))
        {
        }

        if (line.Contains(readyLine, StringComparison.Ordinal))
        {
            ready.TrySetResult();
        }
    }
}
