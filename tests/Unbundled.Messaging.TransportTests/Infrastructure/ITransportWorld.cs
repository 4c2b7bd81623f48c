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

    /// <summary>The clock of the transports this world creates (from then on); a scenario about time sets a fake one.</summary>
    TimeProvider Time { get; set; }
}
