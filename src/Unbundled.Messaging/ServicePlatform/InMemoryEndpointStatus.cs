using System.Collections.Concurrent;

namespace Unbundled.Messaging.ServicePlatform;

/// <summary>
/// An endpoint's status kept in its own process only: for the API, whose <c>/ops</c> page shows its own instance from memory
/// and needs no write access to the shell's store for it (docs/operations.md).
/// </summary>
public sealed class InMemoryEndpointStatus : IEndpointStatusStore
{
    private readonly ConcurrentDictionary<string, EndpointStatus> statuses = new(StringComparer.Ordinal);

    public Task Save(EndpointStatus status, CancellationToken cancellationToken = default)
    {
        statuses[status.Endpoint] = status;
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<EndpointStatus>> Read(IReadOnlyList<string> endpoints, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<EndpointStatus>>([.. endpoints.Select(statuses.GetValueOrDefault).OfType<EndpointStatus>()]);
}
