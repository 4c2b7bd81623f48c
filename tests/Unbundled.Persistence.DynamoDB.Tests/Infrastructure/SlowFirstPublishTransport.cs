using Unbundled.Messaging.Transport;

namespace Unbundled.Persistence.DynamoDB.Tests.Infrastructure;

/// <summary>
/// Wraps a transport so that the first dispatch that publishes an event waits before it goes out: the endpoint has
/// committed but not yet dispatched, the window a concurrent delivery of the same message can fall into.
/// </summary>
public sealed class SlowFirstPublishTransport(TransportDefinition inner, TimeSpan delay) : TransportDefinition
{
    private readonly TimeSpan delay = delay;
    private int publishes;

    public override bool SupportsDelayedDelivery => inner.SupportsDelayedDelivery;

    public override string ToTransportAddress(QueueAddress address) => inner.ToTransportAddress(address);

    public override async Task<TransportInfrastructure> Initialize(
        HostSettings hostSettings, IReadOnlyList<ReceiveSettings> receivers, IReadOnlyList<string> sendingAddresses, CancellationToken cancellationToken = default)
    {
        var infrastructure = await inner.Initialize(hostSettings, receivers, sendingAddresses, cancellationToken);
        return new Infrastructure(infrastructure) { Dispatcher = new Dispatcher(this, infrastructure.Dispatcher), Receivers = infrastructure.Receivers };
    }

    private sealed class Dispatcher(SlowFirstPublishTransport transport, IMessageDispatcher inner) : IMessageDispatcher
    {
        public async Task Dispatch(TransportOperations operations, CancellationToken cancellationToken = default)
        {
            if (operations.MulticastOperations.Count > 0 && Interlocked.Increment(ref transport.publishes) == 1)
            {
                await Task.Delay(transport.delay, cancellationToken);
            }

            await inner.Dispatch(operations, cancellationToken);
        }
    }

    private sealed class Infrastructure(TransportInfrastructure inner) : TransportInfrastructure
    {
        public override Task Shutdown(CancellationToken cancellationToken = default) => inner.Shutdown(cancellationToken);
    }
}
