using System.Text.Json;
using Unbundled.Testing.Aws;
using Xunit;

namespace Unbundled.Messaging.AmazonSqs.Tests.Sns;

public sealed class When_raw_delivery_is_switched_on_later(AwsEmulatorsFixture aws) : SnsTestContext(aws)
{
    [Fact]
    public async Task Messages_arrive_in_the_SNS_envelope_before_and_raw_after()
    {
        var topicArn = await Sns.CreateTopic(Prefix + "Envelope");
        var queue = await TestQueue.Create(Sqs, Prefix + "Envelope");
        var subscriptionArn = await Sns.Subscribe(topicArn, queue.Arn);

        await Sns.Publish(topicArn, "wrapped");
        var wrapped = Assert.Single(await queue.Receive(1));

        await Sns.SetSubscriptionAttributes(subscriptionArn, "RawMessageDelivery", "true");
        await Sns.Publish(topicArn, "raw");
        var raw = Assert.Single(await queue.Receive(1));

        using var envelope = JsonDocument.Parse(wrapped.Body);
        Assert.Equal("Notification", envelope.RootElement.GetProperty("Type").GetString());
        Assert.Equal("wrapped", envelope.RootElement.GetProperty("Message").GetString());
        Assert.Equal("raw", raw.Body);
    }
}
