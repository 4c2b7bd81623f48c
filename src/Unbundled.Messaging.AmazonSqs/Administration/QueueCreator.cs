using System.Globalization;
using Amazon.SQS.Model;
using Unbundled.Messaging.Topology;

namespace Unbundled.Messaging.AmazonSqs.Administration;

/// <summary>
/// Installers: creates the queues <see cref="SqsQueues"/> describes, with the attributes it gives them (retention, and for
/// a <c>-delay.fifo</c> queue FIFO with a 900 s delay and no redrive; docs/wire-format.md §3.4). Idempotent: creating an existing
/// queue returns its URL.
/// </summary>
internal sealed class QueueCreator(SqsClients clients, TimeProvider time)
{
    public const string InstanceQueueTag = "unbundled:instance-queue";
    public const string LastSeenTag = "unbundled:last-seen";

    /// <summary>What <see cref="Create"/> calls on each queue it creates; TagQueue only on instance queues.</summary>
    public static IEnumerable<string> Actions(QueueResource queue) =>
        queue.InstanceSpecific ? ["sqs:CreateQueue", "sqs:SetQueueAttributes", "sqs:TagQueue"] : ["sqs:CreateQueue", "sqs:SetQueueAttributes"];

    public async Task<string> Create(QueueResource queue, CancellationToken cancellationToken)
    {
        var request = new CreateQueueRequest { QueueName = queue.Name };
        if (queue.Fifo)
        {
            request.Attributes = new Dictionary<string, string> { ["FifoQueue"] = "true" };
        }

        var url = (await clients.Sqs.CreateQueueAsync(request, cancellationToken)).QueueUrl;
        var attributes = new Dictionary<string, string> { ["MessageRetentionPeriod"] = queue.RetentionSeconds.ToString(CultureInfo.InvariantCulture) };
        if (queue.DelaySeconds > 0)
        {
            attributes["DelaySeconds"] = queue.DelaySeconds.ToString(CultureInfo.InvariantCulture);
        }

        await clients.Sqs.SetQueueAttributesAsync(url, attributes, cancellationToken);
        if (queue.InstanceSpecific)
        {
            await TagAsSeen(url, cancellationToken);
        }

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
                [LastSeenTag] = time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            },
        }, cancellationToken);
}
