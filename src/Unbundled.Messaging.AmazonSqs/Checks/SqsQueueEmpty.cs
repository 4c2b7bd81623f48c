using Amazon.SQS;
using Unbundled.Messaging.CustomChecks;
using Unbundled.Messaging.Transport;

namespace Unbundled.Messaging.AmazonSqs.Checks;

/// <summary>
/// No failed message waits in <c>error</c>. Where ServiceControl runs it takes them out of the queue at once and shows
/// them itself; without it, this is how an operator learns of them (docs/servicecontrol.md, "Custom checks").
/// </summary>
public sealed class SqsQueueEmpty(SqsTransport transport, string errorQueue, TimeSpan interval)
    : CustomCheck($"{errorQueue} queue empty", "Failed messages", interval)
{
    public static IEnumerable<string> Actions => SqsQueueReachable.Actions;

    public override async Task<CheckResult> PerformCheck(CancellationToken cancellationToken = default)
    {
        var name = transport.ToTransportAddress(new QueueAddress(errorQueue));
        try
        {
            var depth = await new QueueAttributes(await transport.Started.WaitAsync(cancellationToken), name).ApproximateDepth(cancellationToken);
            return depth == 0 ? CheckResult.Pass : CheckResult.Failed($"About {depth} failed message(s) wait in {name}.");
        }
        catch (Exception exception) when (exception is AmazonSQSException or HttpRequestException or ObjectDisposedException)
        {
            return CheckResult.Failed($"The queue {name} cannot be read: {exception.Message}");
        }
    }
}
