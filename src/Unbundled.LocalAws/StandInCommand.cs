using System.Diagnostics;

namespace Unbundled.LocalAws;

/// <summary>How a stand-in is started: <c>node --require exit-with-parent.cjs {arguments}</c> in <c>tools/</c>, in a session of its own.</summary>
internal static class StandInCommand
{
    private static readonly string? Setsid = new[] { "/usr/bin/setsid", "/bin/setsid" }.FirstOrDefault(File.Exists);

    /// <remarks>
    /// A terminal's Ctrl+C sends SIGINT to its whole foreground process group. Started as plain children the stand-ins
    /// would be in that group, get the signal and die before the endpoints had stopped; in a session of their own (util-linux
    /// <c>setsid</c>, which execs node in place: our child is not a group leader, so it does not fork) only our process
    /// gets it, and stops them last. .NET's Process cannot set a process group itself. They still end with us however we
    /// end: <c>exit-with-parent.cjs</c> exits node when the stdin pipe we hold closes, which a kill -9 of our process does too.
    /// </remarks>
    public static ProcessStartInfo For(IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(Setsid ?? RepositoryLayout.Node)
        {
            WorkingDirectory = RepositoryLayout.Tools,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (Setsid is not null)
        {
            start.ArgumentList.Add(RepositoryLayout.Node);
        }

        // fauxqs 2.x persists through node:sqlite, which warns on every start that it is experimental.
        start.ArgumentList.Add("--disable-warning=ExperimentalWarning");
        start.ArgumentList.Add("--require");
        start.ArgumentList.Add(Path.Combine(RepositoryLayout.Tools, "exit-with-parent.cjs"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }
}
