using Unbundled.Messaging;
using Unbundled.Messaging.Operations;
using Unbundled.Messaging.Transport;
using Unbundled.Shell.Operations;

namespace Unbundled.Api.Operations;

/// <summary>
/// The API endpoint's transport opened for the <c>/ops</c> page, on first use and once: the same queues, the same
/// <see cref="FailedMessages"/> as the <c>failed</c> command (docs/operations.md). An open that failed (the queues out of
/// reach) is tried again by the next request.
/// </summary>
internal sealed class OperatorQueues(EndpointConfiguration endpoint, ILoggerFactory logging) : IAsyncDisposable
{
    private readonly Lock gate = new();
    private Task<IQueueOperations>? opening;

    public Task<IQueueOperations> Queues
    {
        get
        {
            lock (gate)
            {
                if (opening is null || opening.IsFaulted || opening.IsCanceled)
                {
                    opening = ShellOperations.Open(endpoint, logging);
                }

                return opening;
            }
        }
    }

    public async Task<FailedMessages> FailedMessages() => new(await Queues, endpoint.ErrorQueue);

    public async ValueTask DisposeAsync()
    {
        if (opening is { IsCompletedSuccessfully: true })
        {
            await (await opening).DisposeAsync();
        }
    }
}
