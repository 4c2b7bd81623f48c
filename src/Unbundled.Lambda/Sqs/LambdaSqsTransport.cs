using Amazon.SQS.Model;
using Microsoft.Extensions.Logging;
using Unbundled.Messaging.AmazonSqs;
using Unbundled.Messaging.Transport;

namespace Unbundled.Lambda.Sqs;

/// <summary>
/// The SQS transport for an endpoint that runs as a function: sending, publishing, queue creation, subscriptions and any
/// other receiver (the API's reply queue) are the SQS transport's own; only the main queue is received by the event
/// source mapping, through <see cref="EventSource"/> (docs/lambda.md#sqs-event).
/// </summary>
/// <remarks>
/// Give it an <see cref="SqsTransport"/> with <c>EnableUnrestrictedDelayedDelivery = false</c>: a frozen environment cannot
/// poll a <c>-delay.fifo</c> queue, so delays stay within SQS's native 900 s (delayed retries need 10–30 s by default).
/// </remarks>
public sealed class LambdaSqsTransport(SqsTransport sqs) : TransportDefinition
{
    private EventSourceReceiver? eventSource;

    public override bool SupportsDelayedDelivery => sqs.SupportsDelayedDelivery;

    /// <summary>The receiver the function hands each SQS event to; set once the endpoint has started.</summary>
    internal EventSourceReceiver EventSource =>
        eventSource ?? throw new InvalidOperationException("Start the endpoint before invoking it: its transport is not initialized");

    public override string ToTransportAddress(QueueAddress address) => sqs.ToTransportAddress(address);

    public override async Task<TransportInfrastructure> Initialize(
        HostSettings hostSettings, IReadOnlyList<ReceiveSettings> receivers, IReadOnlyList<string> sendingAddresses, CancellationToken cancellationToken = default)
    {
        var inner = (SqsInfrastructure)await sqs.Initialize(hostSettings, receivers, sendingAddresses, cancellationToken);
        var main = receivers.Single(r => r.UsePublishSubscribe);
        var errorQueue = sqs.ToTransportAddress(new QueueAddress(main.ErrorQueue));
        var logger = hostSettings.LoggerFactory.CreateLogger<LambdaSqsTransport>();
        eventSource = new EventSourceReceiver(inner.Receivers[main.Id], message => MoveToErrorAsItIs(inner, errorQueue, message, logger), logger);
        return new FunctionInfrastructure(inner)
        {
            Dispatcher = inner.Dispatcher,
            Receivers = inner.Receivers.ToDictionary(r => r.Key, r => r.Key == main.Id ? eventSource : r.Value),
        };
    }

    /// <summary>As the SQS receiver does: a message nobody can read goes to error exactly as it came, without fault headers.</summary>
    private static async Task MoveToErrorAsItIs(SqsInfrastructure inner, string errorQueue, Message message, ILogger logger)
    {
        logger.LogError("SQS message {NativeMessageId} cannot be read; moved to {ErrorQueue} as it is", message.MessageId, errorQueue);
        await inner.Clients.Sqs.SendMessageAsync(new SendMessageRequest
        {
            QueueUrl = await inner.Clients.QueueUrl(errorQueue, CancellationToken.None),
            MessageBody = message.Body,
            MessageAttributes = message.MessageAttributes,
        }, CancellationToken.None);
    }

    private sealed class FunctionInfrastructure(TransportInfrastructure inner) : TransportInfrastructure
    {
        public override Task Shutdown(CancellationToken cancellationToken = default) => inner.Shutdown(cancellationToken);
    }
}
