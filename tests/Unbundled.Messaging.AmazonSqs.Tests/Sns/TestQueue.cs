using Amazon.SQS;
using Amazon.SQS.Model;

namespace Unbundled.Messaging.AmazonSqs.Tests.Sns;

/// <summary>A queue created through the plain SQS SDK client, as a subscriber's input queue would be.</summary>
internal sealed record TestQueue(IAmazonSQS Sqs, string Name, string Url, string Arn)
{
    public static async Task<TestQueue> Create(IAmazonSQS sqs, string name)
    {
        var url = (await sqs.CreateQueueAsync(name)).QueueUrl;
        var attributes = await sqs.GetQueueAttributesAsync(new GetQueueAttributesRequest { QueueUrl = url, AttributeNames = ["QueueArn"] });
        return new TestQueue(sqs, name, url, attributes.QueueARN);
    }

    /// <summary>Receives until <paramref name="expected"/> messages arrived or <paramref name="timeout"/> passed, deleting what it got.</summary>
    public async Task<List<Message>> Receive(int expected, TimeSpan? timeout = null)
    {
        var received = new List<Message>();
        using var deadline = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        while (received.Count < expected && !deadline.IsCancellationRequested)
        {
            var response = await Sqs.ReceiveMessageAsync(
                new ReceiveMessageRequest
                {
                    QueueUrl = Url,
                    MaxNumberOfMessages = 10,
                    WaitTimeSeconds = 1,
                    MessageAttributeNames = ["All"],
                },
                deadline.Token);

            // SDK v4 leaves the list null when nothing came.
            foreach (var message in response.Messages ?? [])
            {
                received.Add(message);
                await Sqs.DeleteMessageAsync(Url, message.ReceiptHandle);
            }
        }

        return received;
    }

    /// <summary>Waits one long poll to show nothing (more) arrives.</summary>
    public async Task<int> CountArrivingWithin(TimeSpan wait)
    {
        var response = await Sqs.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = Url, WaitTimeSeconds = (int)wait.TotalSeconds, MaxNumberOfMessages = 10 });
        return response.Messages?.Count ?? 0;
    }
}
