using Unbundled.Messaging.Embedded;
using Unbundled.Messaging.Transport;

namespace Unbundled.Shell.Checks;

/// <summary>An embedded queue's folder, and its length: the message files waiting there (not those claimed or delayed).</summary>
internal static class QueueFolderLength
{
    public static string PathOf(FileSystemTransport transport, QueueAddress queue) =>
        Path.Combine(transport.RootPath, transport.ToTransportAddress(queue));

    public static Func<long> Of(string queuesPath, string endpointName)
    {
        var folder = PathOf(new FileSystemTransport(queuesPath), new QueueAddress(endpointName));
        return () => Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*.msg").LongCount() : 0;
    }
}
