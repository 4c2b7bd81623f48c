using System.Globalization;
using Amazon.SQS.Model;

namespace Unbundled.Messaging.AmazonSqs.Checks;

/// <summary>A queue's approximate counts, read fresh: a queue URL known to be gone is forgotten so the next check asks again.</summary>
internal readonly struct QueueAttributes(SqsClients clients, string queueName)
{
    private const string Waiting = "ApproximateNumberOfMessages";
    private const string InFlight = "ApproximateNumberOfMessagesNotVisible";
    private const string Delayed = "ApproximateNumberOfMessagesDelayed";

    /// <summary>Messages waiting, in flight and delayed, as SQS approximates them.</summary>
    public async Task<long> ApproximateDepth(CancellationToken cancellationToken)
    {
        try
        {
            var url = await clients.QueueUrl(queueName, cancellationToken);
            // A list of the request's own: the SDK's requests are mutable.
            var request = new GetQueueAttributesRequest { QueueUrl = url, AttributeNames = [Waiting, InFlight, Delayed] };
            var attributes = (await clients.Sqs.GetQueueAttributesAsync(request, cancellationToken)).Attributes;
            return request.AttributeNames.Sum(count => attributes.TryGetValue(count, out var value) ? long.Parse(value, CultureInfo.InvariantCulture) : 0);
        }
        catch (QueueDoesNotExistException)
        {
            clients.ForgetQueueUrl(queueName);
            throw;
        }
    }
}
