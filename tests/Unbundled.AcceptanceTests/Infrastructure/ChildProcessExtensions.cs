using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

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

    /// <summary>A loopback port nobody listens on right now, for a child process to serve on.</summary>
    public static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
