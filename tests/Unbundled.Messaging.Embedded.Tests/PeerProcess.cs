using System.Diagnostics;

namespace Unbundled.Messaging.Embedded.Tests;

/// <summary>The peer program in its own OS process, sharing a queue root with the test.</summary>
internal sealed class PeerProcess : IAsyncDisposable
{
    private readonly Process process;

    private PeerProcess(Process process) => this.process = process;

    public int Id => process.Id;

    public static async Task<PeerProcess> Start(string mode, string root)
    {
        var peer = Path.Combine(AppContext.BaseDirectory, "Unbundled.Messaging.Embedded.Peer.dll");
        var start = new ProcessStartInfo("dotnet", [peer, mode, root])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("The peer process did not start.");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line == "ready")
            {
                return new PeerProcess(process);
            }
        }

        throw new InvalidOperationException($"The peer exited with code {process.ExitCode} before it was ready.");
    }

    /// <summary>Kills the process outright, as a crash would: it gets no chance to return its messages.</summary>
    public async Task Crash()
    {
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.StandardInput.Close();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        process.Dispose();
    }
}
