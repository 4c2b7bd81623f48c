using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Unbundled.LocalAws;

/// <summary>
/// One emulator running as a node child process on a loopback port, in a session of its own; disposing stops it (and
/// anything it started), and an exit before that is reported through <see cref="Exited"/>.
/// </summary>
internal sealed class EmulatorProcess : IDisposable
{
    private const int MaxAttempts = 3;
    private const int KeptOutputLines = 40;

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(5);

    private readonly Process process;
    private readonly ConcurrentQueue<string> output = new();
    private volatile bool announced;
    private volatile bool stopping;

    private EmulatorProcess(string name, Process process, int port)
    {
        Name = name;
        this.process = process;
        Port = port;
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => ReportExit();
    }

    /// <summary>Raised once if the emulator exits after it was listening and before <see cref="Dispose"/>.</summary>
    public event Action<StandInExit>? Exited;

    public string Name { get; }

    public int ProcessId => process.Id;

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

    /// <summary>Starts <c>node {arguments(port)}</c> as <see cref="StandInCommand"/> says and waits until the port accepts connections.</summary>
    /// <remarks>The free port is picked before the child binds it, so another process can win the race; then we try a new port.</remarks>
    public static async Task<EmulatorProcess> Start(string name, Func<int, IEnumerable<string>> arguments, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var port = FreePort.Next();
            var emulator = new EmulatorProcess(name, NodeTools.Start(StandInCommand.For(arguments(port))), port);
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

    /// <summary>Closes the emulator's stdin, on which it exits (see <c>exit-with-parent.cjs</c>), and kills it if it has not within 5 s.</summary>
    /// <remarks>Both emulators write every change through to their data folder, so ending them this way loses nothing.</remarks>
    public void Dispose()
    {
        stopping = true;
        try
        {
            if (!process.HasExited)
            {
                process.StandardInput.Close();
                if (!process.WaitForExit(StopTimeout))
                {
                    process.Kill(entireProcessTree: true);
                    process.WaitForExit(StopTimeout);
                }
            }
        }
        catch (Exception e) when (e is InvalidOperationException or IOException)
        {
            // It exited between the check and the close or the kill.
        }

        process.Dispose();
    }

    private void ReportExit()
    {
        if (announced && !stopping)
        {
            Exited?.Invoke(new StandInExit(Name, process.ExitCode));
        }
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
