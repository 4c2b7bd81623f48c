using Unbundled.Messaging.Transport;

namespace Unbundled.Messaging.Embedded;

internal sealed class FileSystemInfrastructure(IReadOnlyDictionary<string, IMessageReceiver> receivers) : TransportInfrastructure
{
    public override async Task Shutdown(CancellationToken cancellationToken = default)
    {
        foreach (var receiver in receivers.Values.Cast<FileSystemMessageReceiver>())
        {
            await receiver.DisposeAsync();
        }
    }
}
