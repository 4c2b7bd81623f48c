using Amazon.SQS.Model;
using Unbundled.Messaging.AmazonSqs.Sns;
using Unbundled.Testing.Aws;
using Xunit;

namespace Unbundled.Messaging.AmazonSqs.Tests.Sns;

public sealed class When_a_queue_policy_is_applied(AwsEmulatorsFixture aws) : SnsTestContext(aws)
{
    [Fact]
    public async Task Merging_the_stored_policy_again_needs_no_update()
    {
        var queue = await TestQueue.Create(Sqs, Prefix + "Policy");
        var topicArn = await Sns.CreateTopic(Prefix + "Policy");
        await Sqs.SetQueueAttributesAsync(queue.Url, new Dictionary<string, string> { ["Policy"] = QueuePolicy.Create(queue.Arn, [topicArn]) });

        var stored = await Sqs.GetQueueAttributesAsync(new GetQueueAttributesRequest { QueueUrl = queue.Url, AttributeNames = ["Policy"] });

        Assert.Null(QueuePolicy.Merge(stored.Policy, queue.Arn, [topicArn]));
    }
}
