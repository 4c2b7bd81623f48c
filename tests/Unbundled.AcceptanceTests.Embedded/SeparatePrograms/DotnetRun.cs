using System.Collections.Concurrent;
using System.Diagnostics;
using Unbundled.LocalAws;

namespace Unbundled.AcceptanceTests.Embedded.SeparatePrograms;

/// <summary>
/// <c>dotnet run --project src/{project}</c> in a folder of the test's choosing, as a user types it there; with
/// <c>--no-build</c>, since the test's build built the program in the same configuration.
/// </summary>
internal sealed class DotnetRun : IAsyncDisposable
{
    private readonly Process process;
    private readonly ConcurrentQueue<string> output = new();
    private readonly TaskCompletionSource ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private DotnetRun(Process process, string readyLine)
    {
        this.process = process;
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => ready.TrySetException(new InvalidOperationException($"dotnet run exited with code {process.ExitCode}:{Environment.NewLine}{Output}"));
        process.OutputDataReceived += (_, e) => Keep(e.Data, readyLine);
        process.ErrorDataReceived += (_, e) => Keep(e.Data, readyLine);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Output => string.Join(Environment.NewLine, output);

    /// <summary>Starts the program in <paramref name="folder"/> and waits until it prints <paramref name="readyLine"/>.</summary>
    public static async Task<DotnetRun> Start(string folder, string project, string readyLine, params string[] programArguments)
    {
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "run", "--no-build", "-c", configuration, "--project", Path.Combine(RepositoryLayout.Root, "src", project), "--" }.Concat(programArguments))
        {
            start.ArgumentList.Add(argument);
        }

        var run = new DotnetRun(Process.Start(start) ?? throw new InvalidOperationException($"{project} did not start."), readyLine);
        try
        {
            await run.ready.Task.WaitAsync(TimeSpan.FromSeconds(90));
            return run;
        }
        catch (TimeoutException)
        {
            await run.DisposeAsync();
            throw new InvalidOperationException($"{project} did not print '{readyLine}' within 90 s:{Environment.NewLine}{run.Output}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
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
