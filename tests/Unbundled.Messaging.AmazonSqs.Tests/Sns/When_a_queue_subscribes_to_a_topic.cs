using Unbundled.Messaging.AmazonSqs.Sns;
using Unbundled.Testing.Aws;
using Xunit;

namespace Unbundled.Messaging.AmazonSqs.Tests.Sns;

public sealed class When_a_queue_subscribes_to_a_topic(AwsEmulatorsFixture aws) : SnsTestContext(aws), IAsyncLifetime
{
    private static readonly Dictionary<string, string> RawDelivery = new() { ["RawMessageDelivery"] = "true" };

    private string topicArn = "";
    private string subscriptionArn = "";
    private TestQueue queue = null!;

    public async Task InitializeAsync()
    {
        topicArn = await Sns.CreateTopic(Prefix + "MyCompany-Sales-OrderPlaced");
        queue = await TestQueue.Create(Sqs, Prefix + "Sales");
        subscriptionArn = await Sns.Subscribe(topicArn, queue.Arn, RawDelivery);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Published_body_arrives_unchanged_with_raw_delivery()
    {
        const string body = """{"OrderId":"42","Note":"ümlaut & <xml> + spaces"}""";
        var attributes = new Dictionary<string, SnsMessageAttribute>
        {
            ["NServiceBus.EnclosedMessageTypes"] = SnsMessageAttribute.String("MyCompany.Sales.OrderPlaced"),
            ["Attempt"] = SnsMessageAttribute.Number("7"),
        };

        var messageId = await Sns.Publish(topicArn, body, attributes);

        var message = Assert.Single(await queue.Receive(1));
        Assert.False(string.IsNullOrEmpty(messageId));
        Assert.Equal(body, message.Body);
        Assert.Equal(2, message.MessageAttributes.Count);
        Assert.Equal(("String", "MyCompany.Sales.OrderPlaced"), (message.MessageAttributes["NServiceBus.EnclosedMessageTypes"].DataType, message.MessageAttributes["NServiceBus.EnclosedMessageTypes"].StringValue));
        Assert.Equal(("Number", "7"), (message.MessageAttributes["Attempt"].DataType, message.MessageAttributes["Attempt"].StringValue));
    }

    [Fact]
    public async Task The_subscription_is_listed_for_the_topic()
    {
        var subscription = Assert.Single(await Sns.ListSubscriptionsByTopic(topicArn));

        Assert.Equal((subscriptionArn, topicArn, "sqs", queue.Arn), (subscription.SubscriptionArn, subscription.TopicArn, subscription.Protocol, subscription.Endpoint));
    }

    [Fact]
    public async Task Raw_delivery_is_recorded_on_the_subscription()
    {
        var attributes = await Sns.GetSubscriptionAttributes(subscriptionArn);

        Assert.Equal("true", attributes["RawMessageDelivery"]);
    }

    [Fact]
    public async Task Subscribing_again_returns_the_same_subscription()
    {
        Assert.Equal(subscriptionArn, await Sns.Subscribe(topicArn, queue.Arn, RawDelivery));
        Assert.Single(await Sns.ListSubscriptionsByTopic(topicArn));
    }

    [Fact]
    public async Task After_unsubscribing_nothing_arrives()
    {
        await Sns.Unsubscribe(subscriptionArn);
        await Sns.Publish(topicArn, "after unsubscribe");

        Assert.Empty(await Sns.ListSubscriptionsByTopic(topicArn));
        Assert.Equal(0, await queue.CountArrivingWithin(TimeSpan.FromSeconds(1)));
    }
}
