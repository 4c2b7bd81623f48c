using System.Net;
using System.Net.Sockets;

namespace Unbundled.Testing;

public static class FreePort
{
    /// <summary>A loopback port nobody listens on right now, for a server or a child process the test starts.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
