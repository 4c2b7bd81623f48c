using System.Diagnostics;

namespace Unbundled.AcceptanceTests.Infrastructure;

/// <summary>Runs a built program of the repository to its end, as an operator runs a command.</summary>
public static class CommandRun
{
    public static async Task<(int ExitCode, string Output)> Program(string project, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment)
    {
        var start = EndpointProcess.StartInfo(project, arguments, environment);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{project} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{project} {string.Join(' ', arguments)} did not end within 120 s.");
        }

        return (process.ExitCode, await output + await errors);
    }
}
