using System.Globalization;
using Amazon.SQS.Model;

namespace Unbundled.Messaging.AmazonSqs.Checks;

/// <summary>A queue's approximate counts, read fresh: a queue URL known to be gone is forgotten so the next check asks again.</summary>
internal readonly struct QueueAttributes(SqsClients clients, string queueName)
{
    private static readonly List<string> Counts = ["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible", "ApproximateNumberOfMessagesDelayed"];

    /// <summary>Messages waiting, in flight and delayed, as SQS approximates them.</summary>
    public async Task<long> ApproximateDepth(CancellationToken cancellationToken)
    {
        try
        {
            var url = await clients.QueueUrl(queueName, cancellationToken);
            var attributes = await clients.Sqs.GetQueueAttributesAsync(new GetQueueAttributesRequest { QueueUrl = url, AttributeNames = Counts }, cancellationToken);
            return Counts.Sum(count => attributes.Attributes.TryGetValue(count, out var value) ? long.Parse(value, CultureInfo.InvariantCulture) : 0);
        }
        catch (QueueDoesNotExistException)
        {
            clients.ForgetQueueUrl(queueName);
            throw;
        }
    }
}
