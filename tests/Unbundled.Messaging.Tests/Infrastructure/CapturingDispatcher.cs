using Unbundled.Messaging.Transport;

namespace Unbundled.Messaging.Tests.Infrastructure;

/// <summary>Stands in for a transport's dispatcher and keeps every operation it is asked to dispatch.</summary>
internal sealed class CapturingDispatcher : IMessageDispatcher
{
    private readonly List<TransportOperations> dispatches = [];

    public IReadOnlyList<UnicastTransportOperation> Unicast => [.. dispatches.SelectMany(d => d.UnicastOperations)];

    public Task Dispatch(TransportOperations operations, CancellationToken cancellationToken = default)
    {
        dispatches.Add(operations);
        return Task.CompletedTask;
    }
}
