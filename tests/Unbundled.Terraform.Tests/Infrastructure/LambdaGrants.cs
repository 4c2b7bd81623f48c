using Unbundled.Messaging.Topology;

namespace Unbundled.Terraform.Tests.Infrastructure;

/// <summary>
/// The calls a function of the Lambda shell makes, derived from its endpoint's run-time calls on the aws shell (the
/// code's topology), as docs/lambda.md#permissions describes them: so that a call the code adds reaches the function
/// roles' drift check as it reaches the task roles'.
/// </summary>
internal static class LambdaGrants
{
    /// <summary>What the endpoint calls on its own queue at init, whether a mapping feeds it or not.</summary>
    private static readonly string[] InitCalls = ["sqs:GetQueueAttributes", "sqs:GetQueueUrl"];

    /// <summary>
    /// What the event source mapping calls with the function's role, and the delayed retry, which sets the record's
    /// visibility rather than sending a copy (docs/lambda.md#sqs-event).
    /// </summary>
    private static readonly string[] MappingCalls = ["sqs:ChangeMessageVisibility", "sqs:DeleteMessage", "sqs:ReceiveMessage"];

    /// <summary>The reply queue is created and polled by its URL from CreateQueue, its visibility known: no look-ups.</summary>
    private static readonly string[] ReplyQueueLookUps = ["sqs:GetQueueAttributes", "sqs:GetQueueUrl"];

    /// <summary>
    /// The custom checks, which a function runs only when <c>/health</c> asks: only the API's function serves HTTP, and
    /// it has no reply-queue check (its queue is created on first use).
    /// </summary>
    private static readonly string[] Checks = ["SqsQueueReachable", "SqsQueueEmpty", "DynamoDbTableActive"];

    public static IReadOnlySet<(string Action, string Resource)> Expected(SystemTopology topology, EndpointTopology endpoint, string role)
    {
        var ownQueue = topology.Arns.Queue(endpoint.Transport.Queues[0].Name);
        var replyQueues = endpoint.Transport.Queues.Where(queue => queue.InstanceSpecific).Select(queue => topology.Arns.Queue(queue.Name)).ToHashSet();
        var ownQueueCalls = IsMapped(topology, endpoint) ? [.. InitCalls, .. MappingCalls] : InitCalls;
        var logGroup = topology.Arns.For("logs", $"log-group:/aws/lambda/{CodeTopology.Prefix}unbundled-{role}:*");
        var servesHttp = replyQueues.Count > 0;
        return endpoint.Grants
            .Where(grant => grant.Phase == GrantPhase.Runtime)
            .Where(grant => !Checks.Contains(grant.By) || (servesHttp && !replyQueues.Contains(grant.Resource)))
            .Select(grant => (grant.Action, grant.Resource))
            // Delays stay within SQS's native 900 s: a frozen environment cannot poll a -delay.fifo queue.
            .Where(grant => !grant.Resource.EndsWith("-delay.fifo", StringComparison.Ordinal))
            .Where(grant => grant.Resource != ownQueue || ownQueueCalls.Contains(grant.Action))
            .Where(grant => !replyQueues.Contains(grant.Resource) || !ReplyQueueLookUps.Contains(grant.Action))
            .Append(("logs:CreateLogStream", logGroup))
            .Append(("logs:PutLogEvents", logGroup))
            .ToHashSet();
    }

    /// <summary>
    /// An endpoint whose queue something delivers to (a subscription, or another endpoint's sends) gets an event source
    /// mapping; the API's queue gets none (its replies come to the reply queue).
    /// </summary>
    public static bool IsMapped(SystemTopology topology, EndpointTopology endpoint)
    {
        var ownQueue = topology.Arns.Queue(endpoint.Transport.Queues[0].Name);
        return endpoint.Transport.Subscriptions.Count > 0
            || topology.Endpoints.Where(other => other != endpoint).Any(other => other.Permissions(GrantPhase.Runtime).Contains(("sqs:SendMessage", ownQueue)));
    }
}
