using System.Net;
using System.Net.Sockets;

namespace Unbundled.LocalAws;

internal static class FreePort
{
    /// <summary>A loopback port nobody listens on right now; another process may still take it first, so callers retry.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
