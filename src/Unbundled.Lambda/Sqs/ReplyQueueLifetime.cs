using Microsoft.Extensions.Logging;
using Unbundled.Messaging.AmazonSqs;
using Unbundled.Messaging.AmazonSqs.Administration;
using Unbundled.Messaging.Topology;

namespace Unbundled.Lambda.Sqs;

/// <summary>
/// An execution environment's reply queue from its creation to its deletion, as the SQS transport keeps its instance
/// queues: tagged with the time it was last seen, re-tagged well within the stale age while requests use it, and each time
/// the queues of the endpoint's environments that died (nobody re-tags theirs) removed once they are stale.
/// </summary>
internal sealed class ReplyQueueLifetime(SqsClients clients, SqsTransport transport, string endpointPrefix, ILogger logger)
{
    private readonly QueueCreator creator = new(clients, transport.TimeProvider);
    private readonly StaleInstanceQueues stale = new(clients, transport.StaleInstanceQueueAge, transport.TimeProvider, logger);
    private DateTimeOffset lastSeen;

    public async Task<string> Create(QueueResource queue, CancellationToken cancellationToken)
    {
        var url = await creator.Create(queue, cancellationToken);
        lastSeen = transport.TimeProvider.GetUtcNow();
        logger.LogInformation("Created reply queue {Queue} of this execution environment", queue.Name);
        await RemoveStale(url, cancellationToken);
        return url;
    }

    /// <summary>A request of this invocation uses the queue: tag it again once a quarter of the stale age has gone by.</summary>
    public async Task KeepSeen(string queueUrl, CancellationToken cancellationToken)
    {
        var now = transport.TimeProvider.GetUtcNow();
        if (now - lastSeen < transport.StaleInstanceQueueAge / 4)
        {
            return;
        }

        try
        {
            await creator.TagAsSeen(queueUrl, cancellationToken);
            lastSeen = now;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogWarning(exception, "Could not mark reply queue {QueueUrl} as alive; trying again at the next request", queueUrl);
            return;
        }

        await RemoveStale(queueUrl, cancellationToken);
    }

    public async Task Delete(string queueUrl, CancellationToken cancellationToken)
    {
        try
        {
            await stale.DeleteWithDelayQueue(queueUrl, cancellationToken);
        }
        catch (Exception exception)
        {
            logger.LogWarning(exception, "Could not delete reply queue {QueueUrl}; a later environment removes it once it is stale", queueUrl);
        }
    }

    /// <summary>A clean-up that fails leaves the stale queues to the next one: the request does not fail for it.</summary>
    private async Task RemoveStale(string ownQueueUrl, CancellationToken cancellationToken)
    {
        try
        {
            await stale.Remove(endpointPrefix, ownQueueUrl, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogWarning(exception, "Could not remove the reply queues of vanished environments; the next clean-up does");
        }
    }
}
