using System.Diagnostics;
using Unbundled.Testing;

namespace Unbundled.AcceptanceTests.Infrastructure;

/// <summary>
/// <c>dotnet Unbundled.AppHost.dll</c> from its build output, as a child process leading a process group (and session)
/// of its own, as a shell starts a foreground job: a signal to the group reaches it and whatever shares its group. The
/// crash tests kill it; the stop tests stop it as ECS does (<see cref="Terminate"/>).
/// </summary>
public sealed class AppHostProcess : IAsyncDisposable
{
    private const string ReadyLine = "Unbundled is running";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);

    private readonly Process process;
    private readonly ProcessOutput output;

    private AppHostProcess(Process process, Uri apiAddress)
    {
        this.process = process;
        ApiAddress = apiAddress;
        output = new ProcessOutput(process, ReadyLine, kept: 5000);
    }

    public Uri ApiAddress { get; }

    /// <summary>Its process id, which is also its process group id.</summary>
    public int Id => process.Id;

    public string Output => output.ToString();

    public IEnumerable<string> Lines => output.Lines;

    /// <inheritdoc cref="Start(string, string, IReadOnlyDictionary{string, string}, string[])"/>
    public static Task<AppHostProcess> Start(string shell, string dataPath, params string[] extraArguments) =>
        Start(shell, dataPath, new Dictionary<string, string>(), extraArguments);

    /// <summary>
    /// Starts the AppHost on <paramref name="shell"/> with its data in <paramref name="dataPath"/>, on a free port and with
    /// <paramref name="environment"/> added to its own, and waits until it serves.
    /// </summary>
    public static async Task<AppHostProcess> Start(
        string shell, string dataPath, IReadOnlyDictionary<string, string> environment, params string[] extraArguments)
    {
        var dll = RepositoryRoot.Combine("src", "Unbundled.AppHost", "bin", EndpointProcess.BuildConfiguration, "net10.0", "Unbundled.AppHost.dll");
        var apiAddress = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        // setsid execs dotnet in place (our child is no group leader, so it does not fork): the pid is the AppHost's.
        var start = new ProcessStartInfo("setsid") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in (string[])["dotnet", dll, "--shell", shell, "--data-path", dataPath, "--urls", apiAddress.ToString(),
                     "--Logging:LogLevel:Default=Warning", "--Logging:LogLevel:Unbundled.AppHost=Information", .. extraArguments])
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var appHost = new AppHostProcess(Process.Start(start) ?? throw new InvalidOperationException("setsid did not start."), apiAddress);
        try
        {
            await appHost.output.Ready.WaitAsync(StartTimeout);
            return appHost;
        }
        catch (TimeoutException)
        {
            await appHost.DisposeAsync();
            throw new InvalidOperationException($"The AppHost did not print '{ReadyLine}' within {StartTimeout.TotalSeconds} s:{Environment.NewLine}{appHost.Output}");
        }
    }

    /// <summary>Waits for the exit and returns its code; after <paramref name="timeout"/> kills it and fails.</summary>
    public async Task<int> WaitForExit(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
            return process.ExitCode;
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The AppHost did not exit within {timeout.TotalSeconds} s:{Environment.NewLine}{Output}");
        }
    }

    /// <inheritdoc cref="ChildProcessExtensions.Terminate"/>
    public Task<(TimeSpan Elapsed, int? ExitCode)> Terminate() => process.Terminate();

    public ValueTask DisposeAsync()
    {
        process.KillAndDispose();
        return ValueTask.CompletedTask;
    }
}
