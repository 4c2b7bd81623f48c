using System.Collections.Concurrent;
using System.Diagnostics;

namespace Unbundled.AcceptanceTests.Infrastructure;

/// <summary>
/// The last lines a child process wrote (stdout and stderr), and the moment it printed its ready line or exited first.
/// </summary>
public sealed class ProcessOutput
{
    private readonly ConcurrentQueue<string> lines = new();
    private readonly TaskCompletionSource ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly string readyLine;
    private readonly int kept;

    /// <summary>Starts reading <paramref name="process"/>'s output, which must be redirected and not read yet.</summary>
    public ProcessOutput(Process process, string readyLine, int kept)
    {
        this.readyLine = readyLine;
        this.kept = kept;
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => ready.TrySetException(new InvalidOperationException($"The process exited with code {process.ExitCode}:{Environment.NewLine}{this}"));
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public IEnumerable<string> Lines => lines;

    /// <summary>Completes when a line containing the ready line arrives; fails if the process exits first.</summary>
    public Task Ready => ready.Task;

    public override string ToString() => string.Join(Environment.NewLine, lines);

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lines.Enqueue(line);
        while (lines.Count > kept && lines.TryDequeue(out _))
        {
        }

        if (line.Contains(readyLine, StringComparison.Ordinal))
        {
            ready.TrySetResult();
        }
    }
}
