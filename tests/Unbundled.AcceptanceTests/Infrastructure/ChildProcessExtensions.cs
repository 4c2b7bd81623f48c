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
}
