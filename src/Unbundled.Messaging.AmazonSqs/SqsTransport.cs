using Amazon;
using Amazon.Runtime;
using Amazon.SQS;
using Microsoft.Extensions.Logging;
using Unbundled.Messaging.AmazonSqs.Administration;
using Unbundled.Aws;
using Unbundled.Messaging.AmazonSqs.Configuration;
using Unbundled.Messaging.AmazonSqs.Naming;
using Unbundled.Messaging.AmazonSqs.Receiving;
using Unbundled.Messaging.AmazonSqs.Sending;
using Unbundled.Messaging.AmazonSqs.Sns;
using Unbundled.Messaging.InProcess;
using Unbundled.Messaging.Transport;

namespace Unbundled.Messaging.AmazonSqs;

/// <summary>
/// Amazon SQS for queues and SNS for events, on the wire exactly as NServiceBus.AmazonSQS: the same queue and topic names,
/// the wrapped envelope with the <c>NServiceBus.MessageId</c> attribute, native delays up to 900 s and <c>-delay.fifo</c>
/// queues beyond, subscriptions with raw delivery. Credentials and region come from the AWS SDK's default chain unless
/// given; endpoints from <c>AWS_ENDPOINT_URL_SQS</c>/<c>_SNS</c>/<c>AWS_ENDPOINT_URL</c> unless given.
/// </summary>
public sealed class SqsTransport : TransportDefinition
{
    private readonly AWSCredentials? credentials;
    private readonly RegionEndpoint? region;
    private readonly TaskCompletionSource<SqsClients> started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public SqsTransport()
    {
    }

    public SqsTransport(AWSCredentials credentials, RegionEndpoint region)
    {
        this.credentials = credentials;
        this.region = region;
    }

    /// <summary>Put in front of every queue name (idempotently), to share an account between systems or test runs.</summary>
    public string QueueNamePrefix { get; init; } = string.Empty;

    public string TopicNamePrefix { get; init; } = string.Empty;

    /// <summary>SQS's message retention for the queues the installers create; NServiceBus's default is 4 days.</summary>
    public TimeSpan MaxTimeToLive { get; init; } = TimeSpan.FromDays(4);

    /// <summary>Overrides the queue's visibility timeout for received messages; null keeps the queue's (30 s by default).</summary>
    public TimeSpan? MessageVisibilityTimeout { get; init; }

    /// <summary>How long a running handler's message is kept invisible at most; zero turns renewal off.</summary>
    public TimeSpan MaxAutoMessageVisibilityRenewalDuration { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long a receive waits for messages (SQS's long poll, 1–20 s). A stop lets the receive under way run to its end
    /// rather than abandon it to SQS (docs/stopping.md), so this must end within the handlers' share of the endpoint's
    /// shutdown timeout: 2 s fits the default 5 s. Longer waits cost fewer requests while idle.
    /// </summary>
    public TimeSpan ReceiveWaitTime { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Delays above 900 s through <c>-delay.fifo</c> queues; off saves a long poll per queue (3 requests a minute).</summary>
    public bool EnableUnrestrictedDelayedDelivery { get; init; } = true;

    /// <summary>Instance queues of the same endpoint not seen alive for this long are deleted when an instance starts.</summary>
    public TimeSpan StaleInstanceQueueAge { get; init; } = TimeSpan.FromHours(1);

    /// <summary>The clock of delays, time-to-be-received, visibility renewal and the instance queues' last-seen tags.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Overrides for the service endpoints, e.g. local stand-ins; null uses the environment or AWS.</summary>
    public Uri? SqsServiceUrl { get; init; }

    public Uri? SnsServiceUrl { get; init; }

    /// <summary>The clients of the first infrastructure initialized from this definition, which the custom checks call with.</summary>
    internal Task<SqsClients> Started => started.Task;

    /// <summary>How long an operator's browse holds the messages it read out of sight before it gives them back (docs/operations.md).</summary>
    public TimeSpan BrowseVisibilityTimeout { get; init; } = TimeSpan.FromSeconds(60);

    public override string ToTransportAddress(QueueAddress address) => QueueNameGenerator.GetQueueName(address.ToString(), QueueNamePrefix);

    public override async Task<TransportInfrastructure> Initialize(
        HostSettings hostSettings,
        IReadOnlyList<ReceiveSettings> receivers,
        IReadOnlyList<string> sendingAddresses,
        CancellationToken cancellationToken = default)
    {
        var logger = hostSettings.LoggerFactory.CreateLogger<SqsTransport>();
        var clients = await CreateClients(hostSettings.LoggerFactory, cancellationToken);
        started.TrySetResult(clients);
        var creator = new QueueCreator(clients, TimeProvider);
        // An instance queue exists only while its instance does, so the instance creates it even where terraform owns the rest.
        foreach (var queue in SqsQueues.ToCreate(this, receivers, sendingAddresses, hostSettings.SetupInfrastructure))
        {
            await creator.Create(queue, cancellationToken);
        }

        // Topic ARNs are built from the account id, read once from a queue's ARN.
        var anyQueue = receivers.Count > 0 ? ToTransportAddress(receivers[0].ReceiveAddress) : sendingAddresses.Count > 0 ? sendingAddresses[0] : null;
        if (anyQueue is not null)
        {
            await clients.QueueArn(await clients.QueueUrl(anyQueue, cancellationToken), cancellationToken);
        }

        var local = hostSettings.Process.Shared<LocalReceivers<SqsMessageReceiver>>();
        var sqsReceivers = receivers.ToDictionary(
            settings => settings.Id,
            settings => new SqsMessageReceiver(
                clients, settings, ToTransportAddress(settings.ReceiveAddress), ToTransportAddress(new QueueAddress(settings.ErrorQueue)), this,
                local, hostSettings.LoggerFactory.CreateLogger<SqsMessageReceiver>())
            {
                Subscriptions = settings.UsePublishSubscribe
                    ? new SqsSubscriptionManager(clients, ToTransportAddress(settings.ReceiveAddress), TopicNamePrefix, hostSettings.SetupInfrastructure, logger)
                    : null,
            });

        return new SqsInfrastructure(this, clients, creator, receivers, sqsReceivers, logger)
        {
            Dispatcher = new SqsDispatcher(clients, new TopicPublisher(clients, TopicNamePrefix, TimeProvider, logger), local, TimeProvider, logger),
            Receivers = sqsReceivers.ToDictionary(r => r.Key, IMessageReceiver (r) => r.Value),
        };
    }

    public override async Task<IQueueOperations> OpenQueueOperations(HostSettings hostSettings, CancellationToken cancellationToken = default)
    {
        var logger = hostSettings.LoggerFactory.CreateLogger<SqsTransport>();
        var clients = await CreateClients(hostSettings.LoggerFactory, cancellationToken);
        var local = hostSettings.Process.Shared<LocalReceivers<SqsMessageReceiver>>();
        var dispatcher = new SqsDispatcher(clients, new TopicPublisher(clients, TopicNamePrefix, TimeProvider, logger), local, TimeProvider, logger);
        return new Administration.SqsQueueOperations(this, clients, dispatcher);
    }

    private async Task<SqsClients> CreateClients(ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        var awsRegion = region ?? AwsEnvironment.Region();
        var awsCredentials = credentials ?? await AwsEnvironment.Credentials(cancellationToken);
        var endpoints = AwsEndpoints.FromEnvironment;
        var sqsConfig = SqsServiceUrl is { } sqsUrl
            ? AwsEndpoints.PointAt(new AmazonSQSConfig(), sqsUrl, awsRegion)
            : endpoints.Configure(new AmazonSQSConfig(), AwsEndpoints.Sqs, awsRegion);

        var sns = new SnsClient(awsCredentials, awsRegion, SnsServiceUrl ?? endpoints.Resolve(AwsEndpoints.Sns, awsRegion), loggerFactory.CreateLogger<SnsClient>());
        return new SqsClients(new AmazonSQSClient(awsCredentials, sqsConfig), sns);
    }
}
