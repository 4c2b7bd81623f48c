using Unbundled.LocalAws;

namespace Unbundled.Shell.Dev;

/// <summary>
/// The local stand-ins of <c>--shell aws-local</c>: started once per process, on first use, on the data folder's
/// <c>aws-local/</c>, and stopped when the process exits, that is after the endpoints, which stop before Main returns.
/// Every endpoint of the process shares them, as the endpoints of a deployment share one AWS account.
/// </summary>
internal static class AwsStandIns
{
    private static readonly Lock Gate = new();
    private static (string DataPath, LocalAwsStandIns StandIns)? started;
    private static int reporterClaimed;

    /// <summary>The stand-ins this process started (the benchmarks measure their CPU).</summary>
    public static LocalAwsStandIns Instance => started?.StandIns ?? throw new InvalidOperationException("This process has started no aws-local stand-ins.");

    public static LocalAwsStandIns For(ShellOptions shell)
    {
        lock (Gate)
        {
            if (started is var (dataPath, running))
            {
                return dataPath == shell.AwsLocalPath
                    ? running
                    : throw new InvalidOperationException($"This process runs the aws-local stand-ins on {dataPath}, not {shell.AwsLocalPath}.");
            }

            // Composition is synchronous; this happens once, before anything else runs.
            var standIns = Task.Run(() => LocalAwsStandIns.Start(shell.AwsLocalPath)).GetAwaiter().GetResult();
            AppDomain.CurrentDomain.ProcessExit += (_, _) => standIns.Dispose();
            started = (shell.AwsLocalPath, standIns);
            return standIns;
        }
    }

    /// <summary>True for the first caller only: the hosts of one process share the stand-ins, and one of them reports their exits.</summary>
    public static bool ClaimReporting() => Interlocked.Exchange(ref reporterClaimed, 1) == 0;
}
