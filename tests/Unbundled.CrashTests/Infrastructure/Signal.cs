using System.Diagnostics;
using System.Globalization;

namespace Unbundled.CrashTests.Infrastructure;

/// <summary>Signals as a terminal and an operator send them, through <c>kill(1)</c>: .NET's Process only knows SIGKILL.</summary>
internal static class Signal
{
    /// <summary>SIGINT to a whole process group, as a terminal's Ctrl+C does to its foreground group.</summary>
    public static Task InterruptGroup(int processGroupId) => Kill("-INT", "-" + Invariant(processGroupId));

    /// <summary>SIGKILL to one process: no handler runs, nothing is flushed, no child is told.</summary>
    public static Task KillNow(int processId) => Kill("-KILL", Invariant(processId));

    private static async Task Kill(string signal, string target)
    {
        // "--" so that a negative process group id is not read as an option.
        using var kill = Process.Start("kill", [signal, "--", target]);
        await kill.WaitForExitAsync();
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
