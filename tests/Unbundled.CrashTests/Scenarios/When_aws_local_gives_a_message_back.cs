using Amazon.SQS;
using Amazon.SQS.Model;
using Unbundled.LocalAws;
using Unbundled.Testing;
using Unbundled.Testing.Aws;
using Xunit;

namespace Unbundled.CrashTests.Scenarios;

/// <summary>
/// A graceful stop gives unfinished messages back with visibility 0. fauxqs 2.4.1's persistence lost such a message
/// (and answered the retry with MessageNotInflight); tools/start-fauxqs.mjs works around it (docs/aws-local.md).
/// </summary>
public sealed class When_aws_local_gives_a_message_back
{
    [Fact]
    public async Task Should_deliver_it_again_and_keep_it_across_a_restart()
    {
        using var data = new DataFolder();
        string queueName = NamePrefix.Create() + "given-back";
        using (var standIns = await LocalAwsStandIns.Start(data.Path))
        using (var sqs = Client(standIns))
        {
            var queueUrl = (await sqs.CreateQueueAsync(queueName)).QueueUrl;
            await sqs.SendMessageAsync(queueUrl, "unfinished");
            var received = await ReceiveOne(sqs, queueUrl);

            await sqs.ChangeMessageVisibilityAsync(queueUrl, received.ReceiptHandle, 0);

            var again = await ReceiveOne(sqs, queueUrl);
            Assert.Equal(received.MessageId, again.MessageId);
            await sqs.ChangeMessageVisibilityAsync(queueUrl, again.ReceiptHandle, 0);
        }

        using (var restarted = await LocalAwsStandIns.Start(data.Path))
        using (var sqs = Client(restarted))
        {
            var afterRestart = await ReceiveOne(sqs, (await sqs.GetQueueUrlAsync(queueName)).QueueUrl);
            Assert.Equal("unfinished", afterRestart.Body);
            Assert.Equal("3", afterRestart.Attributes["ApproximateReceiveCount"]);
        }
    }

    private static AmazonSQSClient Client(LocalAwsStandIns standIns) =>
        new(AwsEmulators.Credentials, AwsEmulators.PointAt(new AmazonSQSConfig { MaxErrorRetry = 0 }, standIns.SqsServiceUrl));

    private static async Task<Message> ReceiveOne(AmazonSQSClient sqs, string queueUrl)
    {
        var response = await sqs.ReceiveMessageAsync(new ReceiveMessageRequest
        {
            QueueUrl = queueUrl,
            WaitTimeSeconds = 5,
            MessageSystemAttributeNames = ["ApproximateReceiveCount"],
        });
        return Assert.Single(response.Messages ?? []);
    }
}
