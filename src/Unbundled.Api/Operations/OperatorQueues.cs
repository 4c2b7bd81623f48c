using Unbundled.Messaging;
using Unbundled.Messaging.Operations;
using Unbundled.Messaging.Transport;
using Unbundled.Shell.Operations;

namespace Unbundled.Api.Operations;

/// <summary>
/// The API endpoint's transport opened for the <c>/ops</c> page, on first use and once: the same queues, the same
/// <see cref="FailedMessages"/> as the <c>failed</c> command (docs/operations.md).
/// </summary>
internal sealed class OperatorQueues(EndpointConfiguration endpoint, ILoggerFactory logging) : IAsyncDisposable
{
    private readonly Lazy<Task<IQueueOperations>> queues = new(() => ShellOperations.Open(endpoint, logging));

    public Task<IQueueOperations> Queues => queues.Value;

    public async Task<FailedMessages> FailedMessages() => new(await Queues, endpoint.ErrorQueue);

    public async ValueTask DisposeAsync()
    {
        if (queues.IsValueCreated && queues.Value.IsCompletedSuccessfully)
        {
            await queues.Value.Result.DisposeAsync();
        }
    }
}
