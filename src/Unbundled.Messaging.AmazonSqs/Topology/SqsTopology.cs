using Unbundled.Messaging.AmazonSqs.Administration;
using Unbundled.Messaging.AmazonSqs.Checks;
using Unbundled.Messaging.AmazonSqs.Naming;
using Unbundled.Messaging.AmazonSqs.Receiving;
using Unbundled.Messaging.AmazonSqs.Sending;
using Unbundled.Messaging.Topology;
using Unbundled.Messaging.Transport;
using static Unbundled.Messaging.Topology.GrantPhase;

namespace Unbundled.Messaging.AmazonSqs.Topology;

/// <summary>
/// The queues, topics, subscriptions and policies an endpoint needs on SQS/SNS, and every call the transport makes, from
/// the actions each component declares next to its calls. See docs/topology.md.
/// </summary>
public static class SqsTopology
{
    /// <summary>The discriminator that stands for every instance: their queues are named at run time.</summary>
    public const string AnyInstance = "*";

    public static TransportTopology Describe(SqsTransport transport, SqsEndpointPlan plan, Arns arns)
    {
        var grants = new GrantList();
        var main = new ReceiveSettings("Main", new QueueAddress(plan.EndpointName), UsePublishSubscribe: true, plan.ErrorQueue);
        ReceiveSettings[] receivers = plan.UniquelyAddressable
            ? [main, new ReceiveSettings("Instance", new QueueAddress(plan.EndpointName, AnyInstance), false, plan.ErrorQueue, IsInstanceSpecific: true)]
            : [main];
        string[] serviceControl = [.. new[] { plan.ErrorQueue, plan.AuditQueue }.OfType<string>().Concat(plan.ServicePlatformQueues).Select(q => transport.ToTransportAddress(new QueueAddress(q)))];
        var queues = SqsQueues.Of(transport, receivers, serviceControl, receiver => QueueName(transport, receiver.ReceiveAddress)).ToList();

        // An instance queue and its delay queue are both matched by the instance pattern, which is what IAM can name.
        string ArnOf(QueueResource queue) => arns.Queue(queue.InstanceSpecific ? QueueName(transport, receivers[^1].ReceiveAddress) : queue.Name);
        foreach (var queue in queues)
        {
            grants.Add(queue.InstanceSpecific ? Runtime : Installers, nameof(QueueCreator), QueueCreator.Actions(queue), ArnOf(queue));
        }

        foreach (var queue in queues.Where(q => serviceControl.Contains(q.Name)))
        {
            grants.Add(Runtime, nameof(SqsDispatcher), QueueSender.Actions, ArnOf(queue));
        }

        foreach (var queue in queues.Where(q => !serviceControl.Contains(q.Name) && !q.Fifo))
        {
            var arn = ArnOf(queue);
            grants.Add(Runtime, nameof(SqsMessageReceiver), SqsMessageReceiver.Actions, arn)
                .Add(Runtime, "RecoverabilityPipeline", QueueSender.Actions, arn);
            if (transport.EnableUnrestrictedDelayedDelivery)
            {
                grants.Add(Runtime, nameof(DelayedMessagesPump), DelayedMessagesPump.TargetQueueActions, arn)
                    .Add(Runtime, nameof(DelayedMessagesPump), DelayedMessagesPump.DelayQueueActions, ArnOf(queues.Single(q => q.Name == queue.Name + TransportHeaders.DelayQueueSuffix)));
            }

            if (queue.InstanceSpecific)
            {
                // The instance tags its queue as alive, removes instance queues idle too long, and deletes its own at shutdown.
                grants.Add(Runtime, "SqsInfrastructure", StaleInstanceQueues.InstanceQueueActions.Append("sqs:TagQueue"), arn)
                    .Add(Runtime, nameof(StaleInstanceQueues), StaleInstanceQueues.ListActions, "*");
            }
        }

        if (plan.RunsCustomChecks)
        {
            foreach (var receiver in receivers)
            {
                grants.Add(Runtime, nameof(SqsQueueReachable), SqsQueueReachable.Actions, arns.Queue(QueueName(transport, receiver.ReceiveAddress)));
            }

            grants.Add(Runtime, nameof(SqsQueueEmpty), SqsQueueEmpty.Actions, arns.Queue(transport.ToTransportAddress(new QueueAddress(plan.ErrorQueue))));
        }

        var sendsTo = plan.SendsTo.Select(address => QueueName(transport, address)).Distinct().Order(StringComparer.Ordinal).ToList();
        foreach (var destination in sendsTo)
        {
            grants.Add(Runtime, nameof(SqsDispatcher), QueueSender.Actions, arns.Queue(destination));
            if (transport.EnableUnrestrictedDelayedDelivery && !destination.EndsWith('*'))
            {
                // A send may ask for a delay beyond SQS's 900 s; it then goes to the destination's -delay.fifo (docs/wire-format.md §3.4).
                grants.Add(Runtime, nameof(SqsDispatcher), QueueSender.Actions, arns.Queue(destination + TransportHeaders.DelayQueueSuffix));
            }
        }

        var publishes = Topics(transport, plan.PublishedEvents);
        foreach (var topic in publishes)
        {
            grants.Add(Runtime, nameof(TopicPublisher), TopicPublisher.Actions, arns.Topic(topic));
        }

        var subscribes = Topics(transport, plan.SubscribedEvents);
        var mainQueue = QueueName(transport, main.ReceiveAddress);
        var sources = SqsSubscriptionManager.PolicySources([.. subscribes.Select(arns.Topic)], transport.TopicNamePrefix);
        if (subscribes.Count > 0)
        {
            grants.Add(Runtime, nameof(SqsSubscriptionManager), SqsSubscriptionManager.QueueActions, arns.Queue(mainQueue))
                .Add(Installers, nameof(SqsSubscriptionManager), SqsSubscriptionManager.InstallerQueueActions, arns.Queue(mainQueue));
        }

        foreach (var topic in subscribes)
        {
            grants.Add(Runtime, nameof(SqsSubscriptionManager), SqsSubscriptionManager.TopicActions, arns.Topic(topic))
                .Add(Installers, nameof(SqsSubscriptionManager), SqsSubscriptionManager.InstallerTopicActions, arns.Topic(topic));
        }

        return new TransportTopology(
            [.. queues.Where(q => !serviceControl.Contains(q.Name))],
            sendsTo,
            serviceControl,
            publishes,
            subscribes,
            [.. subscribes.Select(topic => new SubscriptionResource(topic, mainQueue, RawMessageDelivery: true))],
            [.. sources.Select(source => new QueuePolicyResource(mainQueue, "sqs:SendMessage", "*", source))],
            grants.Grants);
    }

    /// <summary>The physical name of a queue, or for <see cref="AnyInstance"/> the pattern every instance queue of the endpoint matches.</summary>
    public static string QueueName(SqsTransport transport, QueueAddress address) =>
        address.Discriminator == AnyInstance
            ? transport.ToTransportAddress(address with { Discriminator = null }) + "-*"
            : transport.ToTransportAddress(address);

    private static List<string> Topics(SqsTransport transport, IEnumerable<Type> eventTypes) =>
        [.. eventTypes.Select(type => TopicNameGenerator.GetTopicName(type, transport.TopicNamePrefix)).Distinct().Order(StringComparer.Ordinal)];
}
