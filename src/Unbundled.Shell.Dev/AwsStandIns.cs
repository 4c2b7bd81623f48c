using Unbundled.LocalAws;
using Unbundled.Messaging.InProcess;

namespace Unbundled.Shell.Dev;

/// <summary>
/// The local stand-ins of <c>--shell aws-local</c>: started once per process scope, on first use, on the data folder's
/// <c>aws-local/</c>, and stopped with the scope, after the endpoints (or, should nobody dispose it, when the process
/// exits). Every endpoint of the process shares them, as the endpoints of a deployment share one AWS account.
/// </summary>
internal sealed class AwsStandIns : IDisposable
{
    private readonly EventHandler stopAtExit;
    private int reporterClaimed;

    private AwsStandIns(string dataPath, LocalAwsStandIns standIns)
    {
        DataPath = dataPath;
        StandIns = standIns;
        stopAtExit = (_, _) => standIns.Dispose();
        AppDomain.CurrentDomain.ProcessExit += stopAtExit;
    }

    public string DataPath { get; }

    public LocalAwsStandIns StandIns { get; }

    /// <summary>The stand-ins <paramref name="process"/> started (the benchmarks measure their CPU).</summary>
    public static LocalAwsStandIns In(ProcessScope process) =>
        process.Shared<AwsStandIns>(string.Empty, () => throw new InvalidOperationException("This process has started no aws-local stand-ins.")).StandIns;

    public static AwsStandIns For(ProcessScope process, ShellOptions shell)
    {
        // Composition is synchronous; this happens once per process, before anything else runs.
        var started = process.Shared(string.Empty, () => new AwsStandIns(
            shell.AwsLocalPath, Task.Run(() => LocalAwsStandIns.Start(shell.AwsLocalPath)).GetAwaiter().GetResult()));
        return started.DataPath == shell.AwsLocalPath
            ? started
            : throw new InvalidOperationException($"This process runs the aws-local stand-ins on {started.DataPath}, not {shell.AwsLocalPath}.");
    }

    /// <summary>True for the first caller only: the hosts of one process share the stand-ins, and one of them reports their exits.</summary>
    public bool ClaimReporting() => Interlocked.Exchange(ref reporterClaimed, 1) == 0;

    public void Dispose()
    {
        AppDomain.CurrentDomain.ProcessExit -= stopAtExit;
        StandIns.Dispose();
    }
}
