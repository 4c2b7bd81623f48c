using System.Collections.Concurrent;
using Amazon.SQS;
using Amazon.SQS.Model;
using Unbundled.Messaging.AmazonSqs.Sns;
using Unbundled.Messaging.Topology;

namespace Unbundled.Messaging.AmazonSqs;

/// <summary>The SQS and SNS clients of one transport, with the look-ups worth caching: queue URLs and the account id.</summary>
internal sealed class SqsClients(IAmazonSQS sqs, SnsClient sns) : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<Task<string>>> queueUrls = new(StringComparer.Ordinal);
    private string? partition;
    private string? accountId;

    public IAmazonSQS Sqs => sqs;

    public SnsClient Sns => sns;

    public string Region => sns.Region.SystemName;

    /// <summary>The URL of a physical queue, asked once (docs/wire-format.md §3.3: queue URLs are cached).</summary>
    public Task<string> QueueUrl(string queueName, CancellationToken cancellationToken = default) =>
        queueUrls.GetOrAdd(queueName, name => new Lazy<Task<string>>(() => FetchQueueUrl(name))).Value.WaitAsync(cancellationToken);

    public void ForgetQueueUrl(string queueName) => queueUrls.TryRemove(queueName, out _);

    /// <summary>The queue's ARN; its partition and account are those every topic ARN is built with.</summary>
    public async Task<string> QueueArn(string queueUrl, CancellationToken cancellationToken = default)
    {
        var attributes = await sqs.GetQueueAttributesAsync(new GetQueueAttributesRequest
        {
            QueueUrl = queueUrl,
            AttributeNames = ["QueueArn"],
        }, cancellationToken);
        var arn = attributes.QueueARN;
        var parts = arn.Split(':');
        partition ??= parts[1];
        accountId ??= parts[4];
        return arn;
    }

    /// <summary>The ARN a topic of this name has (or would have) in this partition, account and region.</summary>
    public string TopicArn(string topicName) =>
        new Arns(partition ?? Unknown(), Region, accountId ?? Unknown()).Topic(topicName);

    private static string Unknown() => throw new InvalidOperationException("The partition and account are not known yet: no queue ARN was read.");

    public void Dispose()
    {
        sqs.Dispose();
        sns.Dispose();
    }

    private async Task<string> FetchQueueUrl(string queueName)
    {
        try
        {
            return (await sqs.GetQueueUrlAsync(queueName)).QueueUrl;
        }
        catch (QueueDoesNotExistException exception)
        {
            queueUrls.TryRemove(queueName, out _);
            throw new QueueDoesNotExistException(
                $"Queue {queueName} does not exist: run the endpoint that owns it with installers enabled, or create it with terraform.",
                exception);
        }
        catch
        {
            queueUrls.TryRemove(queueName, out _);
            throw;
        }
    }
}
