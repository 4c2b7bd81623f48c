using Unbundled.Contracts;
using Unbundled.Messaging.Operations;
using Unbundled.Messaging.ServicePlatform;
using Unbundled.Shell.Operations;

namespace Unbundled.Api.Operations;

/// <summary>What the <c>/ops</c> page shows, read afresh on each request: what each part could not read is said in its place.</summary>
internal sealed record OpsView(
    ErrorQueueContents? Error, string? ErrorProblem, IReadOnlyList<EndpointStatus> Endpoints, string? EndpointsProblem, IReadOnlyList<QueueDepth> Depths)
{
    public static string[] Watched => [EndpointNames.Api, EndpointNames.Customers, EndpointNames.Projector];

    /// <param name="own">This API instance's status.</param>
    /// <param name="statuses">The other endpoints', in the shell's store.</param>
    public static async Task<OpsView> Read(
        OperatorQueues operators, IEndpointStatusStore own, IEndpointStatusStore? statuses, IConfiguration configuration, CancellationToken cancellationToken)
    {
        var (queues, queuesProblem) = await Try(() => operators.Queues);
        var (error, errorProblem) = await Try(async () => await (await operators.FailedMessages()).List(cancellationToken));
        var (others, endpointsProblem) = statuses is null
            ? ([], "This shell records no endpoint status.")
            : await Try(() => statuses.Read(Watched[1..], cancellationToken));
        IReadOnlyList<EndpointStatus> endpoints = [.. await own.Read(Watched[..1], cancellationToken), .. others ?? []];
        var depths = new List<QueueDepth>();
        foreach (var queue in ShellOperations.WatchedQueues(configuration))
        {
            var (count, problem) = queues is null ? (null, queuesProblem) : await Try(async () => (long?)await queues.Count(queue, cancellationToken));
            depths.Add(new QueueDepth(queue, count, problem));
        }

        return new OpsView(error, errorProblem, endpoints, endpointsProblem, depths);
    }

    private static async Task<(T? Value, string? Problem)> Try<T>(Func<Task<T>> read)
    {
        try
        {
            return (await read(), null);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return (default, exception.Message);
        }
    }
}

internal sealed record QueueDepth(string Queue, long? Count, string? Problem);
