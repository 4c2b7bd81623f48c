using Unbundled.Messaging.Embedded;
using Unbundled.Messaging.Transport;

namespace Unbundled.Shell.Checks;

/// <summary>An embedded queue's length: the message files waiting in its folder (not those claimed or delayed).</summary>
internal static class QueueFolderLength
{
    public static Func<long> Of(string queuesPath, string endpointName)
    {
        var folder = Path.Combine(Path.GetFullPath(queuesPath), new FileSystemTransport(queuesPath).ToTransportAddress(new QueueAddress(endpointName)));
        return () => Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*.msg").LongCount() : 0;
    }
}
