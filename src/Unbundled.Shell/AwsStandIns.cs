using Unbundled.LocalAws;

namespace Unbundled.Shell;

/// <summary>
/// The local stand-ins of <c>--shell aws-local</c>: started once per process, on first use, and stopped with the process.
/// Every endpoint of the process shares them, as the endpoints of a deployment share one AWS account.
/// </summary>
internal static class AwsStandIns
{
    private static readonly Lazy<LocalAwsStandIns> Shared = new(StartShared);

    public static LocalAwsStandIns Instance => Shared.Value;

    private static LocalAwsStandIns StartShared()
    {
        // Composition is synchronous; this happens once, before anything else runs.
        var standIns = Task.Run(() => LocalAwsStandIns.Start()).GetAwaiter().GetResult();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => standIns.Dispose();
        return standIns;
    }
}
