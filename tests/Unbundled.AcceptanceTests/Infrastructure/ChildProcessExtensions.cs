using System.Diagnostics;

namespace Unbundled.AcceptanceTests.Infrastructure;

public static class ChildProcessExtensions
{
    /// <summary>Kills the process and whatever it started, if it still runs, and releases it.</summary>
    public static void KillAndDispose(this Process process)
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        process.Dispose();
    }

    /// <summary>
    /// Sends SIGTERM and waits up to 30 s for the exit, then kills the process; returns the time from the signal to the
    /// exit, and the exit code (null when it had to be killed).
    /// </summary>
    public static async Task<(TimeSpan Elapsed, int? ExitCode)> Terminate(this Process process)
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
}
