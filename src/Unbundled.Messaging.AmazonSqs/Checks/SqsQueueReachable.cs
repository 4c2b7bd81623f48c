using Amazon.SQS;
using Unbundled.Messaging.CustomChecks;
using Unbundled.Messaging.Transport;

namespace Unbundled.Messaging.AmazonSqs.Checks;

/// <summary>
/// The endpoint reaches a queue of its own: SQS answers <c>GetQueueAttributes</c> on it with the endpoint's credentials.
/// A queue deleted under the endpoint, a revoked grant or an unreachable SQS fails it (docs/servicecontrol.md, "Custom checks").
/// </summary>
public sealed class SqsQueueReachable : CustomCheck
{
    private readonly SqsTransport transport;
    private readonly Func<QueueAddress> queue;

    /// <param name="queue">Asked at each run: an instance's discriminator may be set after the check is added.</param>
    private SqsQueueReachable(SqsTransport transport, Func<QueueAddress> queue, string id, TimeSpan interval)
        : base(id, "Transport", interval)
    {
        this.transport = transport;
        this.queue = queue;
    }

    /// <summary>What the check calls on the queue.</summary>
    public static IEnumerable<string> Actions => ["sqs:GetQueueAttributes", "sqs:GetQueueUrl"];

    /// <summary>The endpoint's shared input queue.</summary>
    public static SqsQueueReachable MainQueueOf(SqsTransport transport, EndpointConfiguration endpoint, TimeSpan interval) =>
        new(transport, () => new QueueAddress(endpoint.EndpointName), $"{endpoint.EndpointName} queue reachable", interval);

    /// <summary>The queue of this instance, where its callbacks' replies arrive.</summary>
    public static SqsQueueReachable InstanceQueueOf(SqsTransport transport, EndpointConfiguration endpoint, TimeSpan interval) =>
        new(transport, () => new QueueAddress(endpoint.EndpointName, endpoint.InstanceDiscriminator), "reply queue exists", interval);

    public override async Task<CheckResult> PerformCheck(CancellationToken cancellationToken = default)
    {
        var name = transport.ToTransportAddress(queue());
        try
        {
            await new QueueAttributes(await transport.Started.WaitAsync(cancellationToken), name).ApproximateDepth(cancellationToken);
            return CheckResult.Pass;
        }
        catch (Exception exception) when (exception is AmazonSQSException or HttpRequestException or ObjectDisposedException)
        {
            return CheckResult.Failed($"The queue {name} cannot be reached: {exception.Message}");
        }
    }
}
