using System.Globalization;
using System.Xml.Linq;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Signing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Unbundled.Aws;
using Unbundled.Messaging.AmazonSqs.Configuration;

namespace Unbundled.Messaging.AmazonSqs.Sns;

/// <summary>
/// The few SNS operations the transport needs, over the SNS Query API (form POST, <c>Version=2010-03-31</c>), signed with
/// AWSSDK.Core's public SigV4 handler. AWSSDK.SimpleNotificationService is not available to us, and this is all we use of it.
/// </summary>
/// <remarks>Errors surface as <see cref="SnsException"/>; there is no retry here, callers decide (see <see cref="SnsException.IsTransient"/>).</remarks>
internal sealed class SnsClient : IDisposable
{
    public const string SigningName = "sns";

    /// <summary>SNS rejects a PublishBatch with more entries.</summary>
    public const int MaxBatchSize = 10;

    private readonly HttpClient http;
    private readonly ILogger logger;

    /// <param name="transport">The handler below signing; a <see cref="SocketsHttpHandler"/> when null. Tests pass one that records requests.</param>
    public SnsClient(AWSCredentials credentials, RegionEndpoint region, Uri serviceUrl, ILogger<SnsClient>? logger = null, HttpMessageHandler? transport = null)
    {
        Region = region;
        ServiceUrl = serviceUrl;
        this.logger = logger ?? NullLogger<SnsClient>.Instance;

        // Pooled connections are recycled so a long-running endpoint follows SNS's DNS changes.
        transport ??= new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        http = new HttpClient(new SigV4SigningHandler(credentials, region, SigningName, transport), disposeHandler: true);
    }

    public RegionEndpoint Region { get; }

    public Uri ServiceUrl { get; }

    /// <summary>A client with the SDK's default credentials and region, and the endpoint from <see cref="AwsEndpoints"/>.</summary>
    public static async Task<SnsClient> CreateDefault(ILoggerFactory? loggerFactory = null, CancellationToken cancellationToken = default)
    {
        var region = AwsEnvironment.Region();
        var credentials = await AwsEnvironment.Credentials(cancellationToken);
        var serviceUrl = AwsEndpoints.FromEnvironment.Resolve(AwsEndpoints.Sns, region);
        return new SnsClient(credentials, region, serviceUrl, loggerFactory?.CreateLogger<SnsClient>());
    }

    /// <summary>Creates the topic, or returns the existing one's ARN: CreateTopic is idempotent for the same name and attributes.</summary>
    public async Task<string> CreateTopic(string name, IReadOnlyDictionary<string, string>? attributes = null, CancellationToken cancellationToken = default)
    {
        var result = await Send(new SnsQuery("CreateTopic").Add("Name", name).AddMap("Attributes", attributes), cancellationToken);
        var topicArn = result.Required("TopicArn");
        logger.LogDebug("Topic {TopicName} is {TopicArn}", name, topicArn);
        return topicArn;
    }

    /// <summary>Subscribes an SQS queue to a topic and returns the subscription ARN; subscribing the same queue again returns the same one.</summary>
    /// <param name="attributes">Subscription attributes such as <c>RawMessageDelivery=true</c> or a <c>FilterPolicy</c>.</param>
    public async Task<string> Subscribe(string topicArn, string queueArn, IReadOnlyDictionary<string, string>? attributes = null, CancellationToken cancellationToken = default)
    {
        var query = new SnsQuery("Subscribe")
            .Add("TopicArn", topicArn)
            .Add("Protocol", "sqs")
            .Add("Endpoint", queueArn)
            .Add("ReturnSubscriptionArn", "true")
            .AddMap("Attributes", attributes);
        var subscriptionArn = (await Send(query, cancellationToken)).Required("SubscriptionArn");
        logger.LogDebug("Queue {QueueArn} subscribed to {TopicArn} as {SubscriptionArn}", queueArn, topicArn, subscriptionArn);
        return subscriptionArn;
    }

    /// <summary>Publishes one message and returns its SNS message id.</summary>
    public async Task<string> Publish(string topicArn, string message, IReadOnlyDictionary<string, SnsMessageAttribute>? attributes = null, CancellationToken cancellationToken = default)
    {
        var query = new SnsQuery("Publish")
            .Add("TopicArn", topicArn)
            .Add("Message", message)
            .AddMessageAttributes("MessageAttributes", attributes);
        return (await Send(query, cancellationToken)).Required("MessageId");
    }

    /// <summary>Publishes up to <see cref="MaxBatchSize"/> messages in one call; entries can fail one by one, see <see cref="SnsBatchResult.Failed"/>.</summary>
    public async Task<SnsBatchResult> PublishBatch(string topicArn, IReadOnlyList<SnsBatchEntry> entries, CancellationToken cancellationToken = default)
    {
        if (entries.Count is 0 or > MaxBatchSize)
        {
            throw new ArgumentOutOfRangeException(nameof(entries), entries.Count, $"A batch holds 1 to {MaxBatchSize} entries.");
        }

        var query = new SnsQuery("PublishBatch").Add("TopicArn", topicArn);
        for (var i = 0; i < entries.Count; i++)
        {
            var member = "PublishBatchRequestEntries.member." + (i + 1).ToString(CultureInfo.InvariantCulture);
            query.Add(member + ".Id", entries[i].Id)
                .Add(member + ".Message", entries[i].Message)
                .AddMessageAttributes(member + ".MessageAttributes", entries[i].MessageAttributes);
        }

        var result = await Send(query, cancellationToken);
        var batch = new SnsBatchResult(
            [.. result.Members("Successful").Select(m => new SnsBatchSuccess(m.Required("Id"), m.Required("MessageId")))],
            [.. result.Members("Failed").Select(m => new SnsBatchFailure(
                m.Required("Id"),
                m.Required("Code"),
                m.Optional("Message"),
                string.Equals(m.Optional("SenderFault"), "true", StringComparison.OrdinalIgnoreCase)))]);

        foreach (var failure in batch.Failed)
        {
            logger.LogWarning("Batch entry {EntryId} to {TopicArn} failed: {Code} {Reason}", failure.Id, topicArn, failure.Code, failure.Message);
        }

        return batch;
    }

    /// <summary>Every subscription of a topic, following <c>NextToken</c> across pages (SNS returns 100 per page).</summary>
    public async Task<IReadOnlyList<SnsSubscription>> ListSubscriptionsByTopic(string topicArn, CancellationToken cancellationToken = default)
    {
        var subscriptions = new List<SnsSubscription>();
        string? nextToken = null;
        do
        {
            var query = new SnsQuery("ListSubscriptionsByTopic").Add("TopicArn", topicArn);
            if (nextToken is not null)
            {
                query.Add("NextToken", nextToken);
            }

            var result = await Send(query, cancellationToken);
            subscriptions.AddRange(result.Members("Subscriptions").Select(m => new SnsSubscription(
                m.Required("SubscriptionArn"),
                m.Required("TopicArn"),
                m.Required("Protocol"),
                m.Required("Endpoint"),
                m.Optional("Owner"))));
            nextToken = result.Optional("NextToken") is { Length: > 0 } token ? token : null;
        }
        while (nextToken is not null);

        return subscriptions;
    }

    /// <summary>Sets one attribute of a subscription, e.g. <c>RawMessageDelivery</c> or <c>FilterPolicy</c>.</summary>
    public async Task SetSubscriptionAttributes(string subscriptionArn, string attributeName, string attributeValue, CancellationToken cancellationToken = default)
    {
        var query = new SnsQuery("SetSubscriptionAttributes")
            .Add("SubscriptionArn", subscriptionArn)
            .Add("AttributeName", attributeName)
            .Add("AttributeValue", attributeValue);
        await Send(query, cancellationToken);
    }

    public async Task<IReadOnlyDictionary<string, string>> GetSubscriptionAttributes(string subscriptionArn, CancellationToken cancellationToken = default) =>
        (await Send(new SnsQuery("GetSubscriptionAttributes").Add("SubscriptionArn", subscriptionArn), cancellationToken)).Map("Attributes");

    /// <summary>The topic's attributes (TopicArn, Owner, Policy, SubscriptionsConfirmed, ...); a missing topic raises <c>NotFound</c>.</summary>
    public async Task<IReadOnlyDictionary<string, string>> GetTopicAttributes(string topicArn, CancellationToken cancellationToken = default) =>
        (await Send(new SnsQuery("GetTopicAttributes").Add("TopicArn", topicArn), cancellationToken)).Map("Attributes");

    /// <summary>Deletes a topic and its subscriptions; deleting a missing topic succeeds.</summary>
    public async Task DeleteTopic(string topicArn, CancellationToken cancellationToken = default)
    {
        await Send(new SnsQuery("DeleteTopic").Add("TopicArn", topicArn), cancellationToken);
        logger.LogDebug("Topic {TopicArn} deleted", topicArn);
    }

    public async Task Unsubscribe(string subscriptionArn, CancellationToken cancellationToken = default)
    {
        await Send(new SnsQuery("Unsubscribe").Add("SubscriptionArn", subscriptionArn), cancellationToken);
        logger.LogDebug("Subscription {SubscriptionArn} removed", subscriptionArn);
    }

    public void Dispose() => http.Dispose();

    private async Task<XElement> Send(SnsQuery query, CancellationToken cancellationToken)
    {
        using var content = query.ToContent();
        using var response = await http.PostAsync(ServiceUrl, content, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var error = SnsXml.Error(body, response.StatusCode);
            logger.LogDebug("SNS {Action} failed with {Code} ({StatusCode})", query.Action, error.Code, (int)response.StatusCode);
            throw error;
        }

        return SnsXml.Result(body, query.Action);
    }
}
