using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Unbundled.LocalAws;

/// <summary>One emulator running as a node child process on a loopback port; disposing kills it and anything it started.</summary>
internal sealed class EmulatorProcess : IDisposable
{
    private const int MaxAttempts = 3;
    private const int KeptOutputLines = 40;

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly Process process;
    private readonly ConcurrentQueue<string> output = new();
    private volatile bool announced;

    private EmulatorProcess(string name, Process process, int port)
    {
        Name = name;
        this.process = process;
        Port = port;
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Name { get; }

    public int Port { get; }

    public Uri ServiceUrl => new($"http://127.0.0.1:{Port}/");

    /// <summary>The CPU time node has used so far (zero once it has exited), for benchmarks that share the cores with it.</summary>
    public TimeSpan ProcessorTime
    {
        get
        {
            try
            {
                return process.TotalProcessorTime;
            }
            catch (InvalidOperationException)
            {
                return TimeSpan.Zero;
            }
        }
    }

    /// <summary>Starts <c>node {arguments(port)}</c> in <c>tools/</c> and waits until the port accepts connections.</summary>
    /// <remarks>
    /// The free port is picked before the child binds it, so another process can win the race; then we try a new port.
    /// The child is preloaded with <c>exit-with-parent.cjs</c> and keeps our end of its stdin: if this process dies
    /// without disposing us (killed test host), the pipe closes and the emulator exits by itself.
    /// </remarks>
    public static async Task<EmulatorProcess> Start(string name, Func<int, IEnumerable<string>> arguments, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var port = FreePort.Next();
            var start = new ProcessStartInfo("node")
            {
                WorkingDirectory = RepositoryLayout.Tools,
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add("--require");
            start.ArgumentList.Add(Path.Combine(RepositoryLayout.Tools, "exit-with-parent.cjs"));
            foreach (var argument in arguments(port))
            {
                start.ArgumentList.Add(argument);
            }

            var emulator = new EmulatorProcess(name, NodeTools.Start(start), port);
            try
            {
                await emulator.WaitUntilListening(cancellationToken);
                return emulator;
            }
            catch (InvalidOperationException) when (attempt < MaxAttempts && emulator.process.HasExited)
            {
                emulator.Dispose();
            }
            catch
            {
                emulator.Dispose();
                throw;
            }
        }
    }

    public void Dispose()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(TimeSpan.FromSeconds(5));
            }
        }
        catch (InvalidOperationException)
        {
            // It exited between the check and the kill.
        }

        process.Dispose();
    }

    private async Task WaitUntilListening(CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartTimeout)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with code {process.ExitCode} before listening on port {Port}:\n{Output}");
            }

            // Both emulators print "... listening at <url>" once bound; a connect alone could reach whoever else holds the port.
            if (!announced)
            {
                await Task.Delay(25, cancellationToken);
                continue;
            }

            using var client = new TcpClient();
            try
            {
                await client.ConnectAsync(IPAddress.Loopback, Port, cancellationToken);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50, cancellationToken);
            }
        }

        throw new TimeoutException($"{Name} did not listen on port {Port} within {StartTimeout.TotalSeconds} s:\n{Output}");
    }

    private string Output => string.Join('\n', output);

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        announced |= line.Contains("listening at", StringComparison.OrdinalIgnoreCase);
        output.Enqueue(line);
        while (output.Count > KeptOutputLines && output.TryDequeue(out _))
        {
        }
    }
}
