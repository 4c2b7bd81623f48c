using Amazon.SQS.Model;
using Microsoft.Extensions.Logging;
using Unbundled.Messaging.AmazonSqs.Naming;
using Unbundled.Messaging.AmazonSqs.Sns;
using Unbundled.Messaging.Transport;

namespace Unbundled.Messaging.AmazonSqs.Administration;

/// <summary>
/// Subscribes a queue to the topics of its event types (wire-format §3.2): create the topic (idempotent), let the topics
/// send to the queue through one policy statement with a wildcard on the topic-name prefix, and subscribe with raw delivery.
/// </summary>
internal sealed class SqsSubscriptionManager(SqsClients clients, string queueName, string topicNamePrefix, bool setupInfrastructure, ILogger logger)
    : ISubscriptionManager
{
    private static readonly Dictionary<string, string> RawDelivery = new() { ["RawMessageDelivery"] = "true" };

    public async Task SubscribeAll(IReadOnlyList<Type> eventTypes, CancellationToken cancellationToken = default)
    {
        var queueUrl = await clients.QueueUrl(queueName, cancellationToken);
        var queueArn = await clients.QueueArn(queueUrl, cancellationToken);
        var topicArns = new List<string>();
        foreach (var eventType in eventTypes)
        {
            var name = TopicNameGenerator.GetTopicName(eventType, topicNamePrefix);
            topicArns.Add(setupInfrastructure ? await clients.Sns.CreateTopic(name, cancellationToken: cancellationToken) : clients.TopicArn(name));
        }

        await AllowTopicsToSend(queueUrl, queueArn, topicArns, cancellationToken);
        foreach (var topicArn in topicArns)
        {
            await clients.Sns.Subscribe(topicArn, queueArn, RawDelivery, cancellationToken);
            logger.LogInformation("Queue {Queue} subscribed to {TopicArn}", queueName, topicArn);
        }
    }

    public async Task Unsubscribe(Type eventType, CancellationToken cancellationToken = default)
    {
        var queueArn = await clients.QueueArn(await clients.QueueUrl(queueName, cancellationToken), cancellationToken);
        var topicArn = clients.TopicArn(TopicNameGenerator.GetTopicName(eventType, topicNamePrefix));
        foreach (var subscription in await clients.Sns.ListSubscriptionsByTopic(topicArn, cancellationToken))
        {
            if (subscription.Endpoint == queueArn)
            {
                await clients.Sns.Unsubscribe(subscription.SubscriptionArn, cancellationToken);
            }
        }
    }

    private async Task AllowTopicsToSend(string queueUrl, string queueArn, List<string> topicArns, CancellationToken cancellationToken)
    {
        // With a topic-name prefix one wildcard covers every topic of the system, so the policy never outgrows its limit.
        var sources = topicNamePrefix.Length > 0 && topicArns.Count > 0
            ? [QueuePolicy.TopicPrefixWildcard(topicArns[0], topicNamePrefix)]
            : topicArns;
        var existing = await clients.Sqs.GetQueueAttributesAsync(new GetQueueAttributesRequest { QueueUrl = queueUrl, AttributeNames = ["Policy"] }, cancellationToken);
        if (QueuePolicy.Merge(existing.Attributes?.GetValueOrDefault("Policy"), queueArn, sources) is { } policy)
        {
            await clients.Sqs.SetQueueAttributesAsync(queueUrl, new Dictionary<string, string> { ["Policy"] = policy }, cancellationToken);
        }
    }
}
