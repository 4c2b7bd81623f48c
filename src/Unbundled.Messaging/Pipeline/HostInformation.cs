using System.Security.Cryptography;
using System.Text;

namespace Unbundled.Messaging.Pipeline;

/// <summary>
/// Who processes messages, as ServiceControl identifies hosts: a host id that stays the same across restarts of the same
/// endpoint from the same folder on the same machine, and a display name.
/// </summary>
internal sealed record HostInformation(string HostId, string DisplayName, string MachineName)
{
    public static HostInformation For(string endpointName)
    {
        var machine = Environment.MachineName;
        var identity = $"{machine}:{AppContext.BaseDirectory}:{endpointName}";
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(identity));
        return new HostInformation(new Guid(hash.AsSpan(0, 16)).ToString("N"), machine, machine);
    }
}
