using Microsoft.Extensions.Logging;
using Unbundled.Messaging.AmazonSqs;
using Unbundled.Messaging.Transport;

namespace Unbundled.Lambda.Sqs;

/// <summary>
/// The SQS transport for an endpoint that runs as a function: sending, queue creation, subscriptions and
/// publishing are the SQS transport's own; the main queue is received by the event source mapping, through
/// <see cref="EventSource"/> (docs/lambda.md#sqs-event), and an instance queue (the API's replies) is the execution
/// environment's reply queue, created on the first request and polled only inside invocations that await a reply
/// (docs/lambda.md#request-response).
/// </summary>
/// <remarks>
/// Give it an <see cref="SqsTransport"/> with <c>EnableUnrestrictedDelayedDelivery = false</c>: a frozen environment cannot
/// poll a <c>-delay.fifo</c> queue, so delayed sends stay within SQS's native 900 s. Delayed retries send nothing: the
/// record's visibility timeout brings it back (up to 12 h).
/// </remarks>
public sealed class LambdaSqsTransport(SqsTransport sqs) : TransportDefinition
{
    private EventSourceReceiver? eventSource;

    /// <summary>
    /// How long a request's reply is polled for at most: the endpoint's request timeout, read when the endpoint starts
    /// (the shell makes the transport before the endpoint's configuration is complete).
    /// </summary>
    public Func<TimeSpan> ReplyWait { get; init; } = () => TimeSpan.FromSeconds(30);

    public override bool SupportsDelayedDelivery => sqs.SupportsDelayedDelivery;

    /// <summary>The receiver the function hands each SQS event to; set once the endpoint has started.</summary>
    internal EventSourceReceiver EventSource =>
        eventSource ?? throw new InvalidOperationException("Start the endpoint before invoking it: its transport is not initialized");

    public override string ToTransportAddress(QueueAddress address) => sqs.ToTransportAddress(address);

    public override async Task<TransportInfrastructure> Initialize(
        HostSettings hostSettings, IReadOnlyList<ReceiveSettings> receivers, IReadOnlyList<string> sendingAddresses, CancellationToken cancellationToken = default)
    {
        var instance = receivers.SingleOrDefault(r => r.IsInstanceSpecific);
        var inner = (SqsInfrastructure)await sqs.Initialize(hostSettings, [.. receivers.Where(r => !r.IsInstanceSpecific)], sendingAddresses, cancellationToken);
        var main = receivers.Single(r => r.UsePublishSubscribe);
        var errorQueue = sqs.ToTransportAddress(new QueueAddress(main.ErrorQueue));
        var logger = hostSettings.LoggerFactory.CreateLogger<LambdaSqsTransport>();
        var queue = new EventSourceQueue(inner.Clients, inner.Receivers[main.Id].ReceiveAddress, errorQueue, logger);
        eventSource = new EventSourceReceiver(inner.Receivers[main.Id], queue, logger);
        var receiving = inner.Receivers.ToDictionary(r => r.Key, r => r.Key == main.Id ? eventSource : r.Value);
        if (instance is null)
        {
            return new FunctionInfrastructure(inner, replies: null) { Dispatcher = inner.Dispatcher, Receivers = receiving };
        }

        var replies = new InvocationReplyQueue(instance, sqs, inner.Clients, ReplyWait(), hostSettings.LoggerFactory.CreateLogger<InvocationReplyQueue>());
        receiving[instance.Id] = replies;
        return new FunctionInfrastructure(inner, replies) { Dispatcher = new RequestDispatcher(inner.Dispatcher, replies), Receivers = receiving };
    }

    private sealed class FunctionInfrastructure(TransportInfrastructure inner, InvocationReplyQueue? replies) : TransportInfrastructure
    {
        public override async Task Shutdown(CancellationToken cancellationToken = default)
        {
            // The reply queue first: the SQS transport's shutdown disposes the clients.
            if (replies is not null)
            {
                using var cleanUp = new CancellationTokenSource(StopBudget.CleanUpTime);
                await replies.Delete(cleanUp.Token);
                replies.Dispose();
            }

            await inner.Shutdown(cancellationToken);
        }
    }
}
