using Unbundled.Messaging.Transport;

namespace Unbundled.Messaging.TransportTests.Infrastructure;

/// <summary>
/// An isolated namespace on a transport (a folder, a queue-name prefix): every transport it creates shares the
/// namespace, and no two tests share one.
/// </summary>
public interface ITransportWorld : IAsyncDisposable
{
    Task Initialize();

    TransportDefinition CreateTransport();
}
