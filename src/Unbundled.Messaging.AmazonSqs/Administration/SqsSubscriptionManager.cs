using Amazon.SQS.Model;
using Microsoft.Extensions.Logging;
using Unbundled.Messaging.AmazonSqs.Naming;
using Unbundled.Messaging.AmazonSqs.Sns;
using Unbundled.Messaging.Transport;

namespace Unbundled.Messaging.AmazonSqs.Administration;

/// <summary>
/// Subscribes a queue to the topics of its event types (docs/wire-format.md §3.2): create the topic (idempotent), let the topics
/// send to the queue through one policy statement with a wildcard on the topic-name prefix, and subscribe with raw delivery.
/// </summary>
internal sealed class SqsSubscriptionManager(SqsClients clients, string queueName, string topicNamePrefix, bool setupInfrastructure, ILogger logger)
    : ISubscriptionManager
{
    private static readonly Dictionary<string, string> RawDelivery = new() { ["RawMessageDelivery"] = "true" };

    /// <summary>What subscribing calls on the queue whenever the endpoint starts: its URL, its ARN and its policy.</summary>
    public static IEnumerable<string> QueueActions => ["sqs:GetQueueAttributes", "sqs:GetQueueUrl"];

    /// <summary>What subscribing calls on each topic whenever the endpoint starts (Subscribe returns an existing subscription).</summary>
    public static IEnumerable<string> TopicActions => ["sns:Subscribe"];

    /// <summary>With installers only: the topic is created (CreateTopic returns an existing one), the queue's policy written.</summary>
    public static IEnumerable<string> InstallerTopicActions => ["sns:CreateTopic"];

    /// <inheritdoc cref="InstallerTopicActions"/>
    public static IEnumerable<string> InstallerQueueActions => ["sqs:SetQueueAttributes"];

    /// <summary>Whom the queue's policy lets send: with a topic-name prefix one wildcard covers every topic of the system, so the policy never outgrows its limit.</summary>
    public static IReadOnlyList<string> PolicySources(IReadOnlyList<string> topicArns, string topicNamePrefix) =>
        topicNamePrefix.Length > 0 && topicArns.Count > 0 ? [QueuePolicy.TopicPrefixWildcard(topicArns[0], topicNamePrefix)] : topicArns;

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
        var sources = PolicySources(topicArns, topicNamePrefix);
        var existing = await clients.Sqs.GetQueueAttributesAsync(new GetQueueAttributesRequest { QueueUrl = queueUrl, AttributeNames = ["Policy"] }, cancellationToken);
        if (QueuePolicy.Merge(existing.Attributes?.GetValueOrDefault("Policy"), queueArn, sources) is { } policy)
        {
            if (!setupInfrastructure)
            {
                // Without installers the policy is terraform's (aws_sqs_queue_policy), and the endpoint may not write it.
                throw new InvalidOperationException(
                    $"The policy of queue {queueName} does not let topics {string.Join(", ", sources)} send to it: create it with terraform, or run the endpoint with installers enabled.");
            }

            await clients.Sqs.SetQueueAttributesAsync(queueUrl, new Dictionary<string, string> { ["Policy"] = policy }, cancellationToken);
        }
    }
}
