using System.Globalization;
using Amazon.SQS.Model;

namespace Unbundled.Messaging.AmazonSqs.Administration;

/// <summary>
/// Installers: queues with the transport's retention, and for each receiving queue its <c>-delay.fifo</c> companion
/// (FIFO, 900 s delay, no redrive; wire-format §3.4). Idempotent: creating an existing queue returns its URL.
/// </summary>
internal sealed class QueueCreator(SqsClients clients, TimeSpan maxTimeToLive)
{
    public const string InstanceQueueTag = "unbundled:instance-queue";
    public const string LastSeenTag = "unbundled:last-seen";

    public async Task<string> Create(string queueName, bool instanceSpecific, CancellationToken cancellationToken)
    {
        var url = (await clients.Sqs.CreateQueueAsync(new CreateQueueRequest { QueueName = queueName }, cancellationToken)).QueueUrl;
        await clients.Sqs.SetQueueAttributesAsync(url, new Dictionary<string, string> { ["MessageRetentionPeriod"] = RetentionSeconds }, cancellationToken);
        if (instanceSpecific)
        {
            await TagAsSeen(url, cancellationToken);
        }

        return url;
    }

    public async Task<string> CreateDelayQueue(string queueName, CancellationToken cancellationToken)
    {
        var url = (await clients.Sqs.CreateQueueAsync(new CreateQueueRequest
        {
            QueueName = queueName + TransportHeaders.DelayQueueSuffix,
            Attributes = new Dictionary<string, string> { ["FifoQueue"] = "true" },
        }, cancellationToken)).QueueUrl;
        await clients.Sqs.SetQueueAttributesAsync(url, new Dictionary<string, string>
        {
            ["DelaySeconds"] = TransportHeaders.MaximumNativeDelaySeconds.ToString(CultureInfo.InvariantCulture),
            ["MessageRetentionPeriod"] = RetentionSeconds,
        }, cancellationToken);
        return url;
    }

    /// <summary>Marks an instance queue as alive now, so the clean-up of stale instance queues leaves it alone.</summary>
    public Task TagAsSeen(string queueUrl, CancellationToken cancellationToken) =>
        clients.Sqs.TagQueueAsync(new TagQueueRequest
        {
            QueueUrl = queueUrl,
            Tags = new Dictionary<string, string>
            {
                [InstanceQueueTag] = "true",
                [LastSeenTag] = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            },
        }, cancellationToken);

    private string RetentionSeconds => ((long)maxTimeToLive.TotalSeconds).ToString(CultureInfo.InvariantCulture);
}
