using Microsoft.Extensions.Logging.Abstractions;
using Unbundled.Messaging.Transport;

namespace Unbundled.AcceptanceTests.Infrastructure;

/// <summary>Puts a raw transport message on one of the system's queues, past the endpoints' serializer and header rules.</summary>
public static class RawDispatch
{
    public static async Task To(TransportDefinition transport, string destination, OutgoingMessage message)
    {
        var host = new HostSettings("AcceptanceTests", Environment.MachineName, false, (_, _) => { }, NullLoggerFactory.Instance);
        var infrastructure = await transport.Initialize(host, [], [destination]);
        await infrastructure.Dispatcher.Dispatch(new TransportOperations(new UnicastTransportOperation(message, destination, DispatchProperties.None)));
        await infrastructure.Shutdown();
    }
}
