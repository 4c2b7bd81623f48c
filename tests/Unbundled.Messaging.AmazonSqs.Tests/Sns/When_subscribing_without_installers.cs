using Amazon.SQS.Model;
using Microsoft.Extensions.Logging.Abstractions;
using MyCompany.Sales;
using Unbundled.Messaging.AmazonSqs.Administration;
using Unbundled.Messaging.AmazonSqs.Sns;
using Unbundled.Testing.Aws;
using Xunit;

namespace Unbundled.Messaging.AmazonSqs.Tests.Sns;

/// <summary>
/// Where terraform owns the topic, the subscription and the queue policy (installers off), subscribing at start-up finds
/// them and writes nothing: the endpoint holds no sqs:SetQueueAttributes grant, and a missing policy is a clear error.
/// </summary>
public sealed class When_subscribing_without_installers(AwsEmulatorsFixture aws) : SnsTestContext(aws)
{
    [Fact]
    public async Task Should_subscribe_with_raw_delivery_when_the_policy_is_in_place()
    {
        var (queue, topicArn) = await TopicAndQueue();
        await Sqs.SetQueueAttributesAsync(queue.Url, new Dictionary<string, string> { ["Policy"] = QueuePolicy.Create(queue.Arn, [QueuePolicy.TopicPrefixWildcard(topicArn, Prefix)]) });
        var before = await Policy(queue);

        await Subscribe(queue);

        var subscription = Assert.Single(await Sns.ListSubscriptionsByTopic(topicArn));
        Assert.Equal(queue.Arn, subscription.Endpoint);
        Assert.Equal("true", (await Sns.GetSubscriptionAttributes(subscription.SubscriptionArn))["RawMessageDelivery"]);
        Assert.Equal(before, await Policy(queue));
    }

    [Fact]
    public async Task Should_refuse_to_write_a_missing_policy()
    {
        var (queue, topicArn) = await TopicAndQueue();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Subscribe(queue));

        Assert.Contains($"The policy of queue {queue.Name} does not let topics", error.Message);
        Assert.Contains("create it with terraform", error.Message);
        Assert.Null(await Policy(queue));
        Assert.Empty(await Sns.ListSubscriptionsByTopic(topicArn));
    }

    private async Task<(TestQueue Queue, string TopicArn)> TopicAndQueue() =>
        (await TestQueue.Create(Sqs, Prefix + "Sales"), await Sns.CreateTopic(Prefix + "MyCompany-Sales-OrderPlaced"));

    private async Task Subscribe(TestQueue queue)
    {
        using var clients = new SqsClients(Emulators.CreateSqsClient(), Emulators.CreateSnsClient());
        var subscriptions = new SqsSubscriptionManager(clients, queue.Name, Prefix, setupInfrastructure: false, NullLogger.Instance);
        await subscriptions.SubscribeAll([typeof(OrderPlaced)]);
    }

    private async Task<string?> Policy(TestQueue queue) =>
        (await Sqs.GetQueueAttributesAsync(new GetQueueAttributesRequest { QueueUrl = queue.Url, AttributeNames = ["Policy"] })).Policy;
}
