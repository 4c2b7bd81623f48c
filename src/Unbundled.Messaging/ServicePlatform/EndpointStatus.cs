namespace Unbundled.Messaging.ServicePlatform;

/// <summary>
/// Where an endpoint keeps what it last told ServiceControl about itself, so that an operator without ServiceControl can
/// read it (the API's <c>/ops</c> page) without taking ServiceControl's messages: one entry per endpoint, rewritten whole
/// with every heartbeat and check result it sends (docs/operations.md).
/// </summary>
public interface IEndpointStatusStore
{
    Task Save(EndpointStatus status, CancellationToken cancellationToken = default);

    /// <summary>The latest status of each of <paramref name="endpoints"/> that has recorded one.</summary>
    Task<IReadOnlyList<EndpointStatus>> Read(IReadOnlyList<string> endpoints, CancellationToken cancellationToken = default);
}

/// <summary>An endpoint instance's last heartbeat and the last result of each of its custom checks.</summary>
public sealed record EndpointStatus(string Endpoint, string HostId, string Host, DateTimeOffset LastHeartbeat, IReadOnlyList<CheckStatus> Checks);

/// <summary>A custom check's last result, as reported to ServiceControl.</summary>
public sealed record CheckStatus(string CheckId, string Category, bool HasFailed, string? FailureReason, DateTimeOffset ReportedAt);
