using System.Globalization;
using Amazon.SQS.Model;
using Microsoft.Extensions.Logging;

namespace Unbundled.Messaging.AmazonSqs.Administration;

/// <summary>
/// Instance queues (<c>{endpoint}-{discriminator}</c>, for callbacks) pile up when instances die without deleting them
/// (NServiceBus#6717). Every live instance tags its queue with the time it was last seen; this removes the tagged queues
/// of the same endpoint that nobody has touched for longer than the allowed idle time, with their delay queues.
/// </summary>
internal sealed class StaleInstanceQueues(SqsClients clients, TimeSpan maxIdle, TimeProvider time, ILogger logger)
{
    /// <summary>ListQueues has no resource-level permissions: its resource can only be <c>*</c>. It reveals queue URLs, nothing else.</summary>
    public static IEnumerable<string> ListActions => ["sqs:ListQueues"];

    /// <summary>What the clean-up (and an instance's own shutdown) calls on instance queues: their tags, and their deletion with their delay queues.</summary>
    public static IEnumerable<string> InstanceQueueActions => ["sqs:DeleteQueue", "sqs:ListQueueTags"];

    public async Task<IReadOnlyList<string>> Remove(string endpointQueuePrefix, string ownQueueUrl, CancellationToken cancellationToken)
    {
        var removed = new List<string>();
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        await foreach (var url in List(endpointQueuePrefix, cancellationToken))
        {
            if (url == ownQueueUrl || url.EndsWith(".fifo", StringComparison.Ordinal))
            {
                continue;
            }

            var tags = (await clients.Sqs.ListQueueTagsAsync(new ListQueueTagsRequest { QueueUrl = url }, cancellationToken)).Tags ?? [];
            if (!tags.ContainsKey(QueueCreator.InstanceQueueTag)
                || !tags.TryGetValue(QueueCreator.LastSeenTag, out var lastSeen)
                || now - long.Parse(lastSeen, CultureInfo.InvariantCulture) < maxIdle.TotalSeconds)
            {
                continue;
            }

            logger.LogInformation("Deleting instance queue {QueueUrl}, idle since {LastSeen}", url, DateTimeOffset.FromUnixTimeSeconds(long.Parse(lastSeen, CultureInfo.InvariantCulture)));
            await DeleteWithDelayQueue(url, cancellationToken);
            removed.Add(url);
        }

        return removed;
    }

    public async Task DeleteWithDelayQueue(string queueUrl, CancellationToken cancellationToken)
    {
        await DeleteIfExists(queueUrl, cancellationToken);
        await DeleteIfExists(queueUrl + TransportHeaders.DelayQueueSuffix, cancellationToken);
    }

    private async Task DeleteIfExists(string queueUrl, CancellationToken cancellationToken)
    {
        try
        {
            await clients.Sqs.DeleteQueueAsync(queueUrl, cancellationToken);
        }
        catch (QueueDoesNotExistException)
        {
        }
    }

    private async IAsyncEnumerable<string> List(string prefix, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? next = null;
        do
        {
            var page = await clients.Sqs.ListQueuesAsync(new ListQueuesRequest { QueueNamePrefix = prefix, NextToken = next, MaxResults = 1000 }, cancellationToken);
            foreach (var url in page.QueueUrls ?? [])
            {
                yield return url;
            }

            next = page.NextToken;
        }
        while (next is not null);
    }
}
