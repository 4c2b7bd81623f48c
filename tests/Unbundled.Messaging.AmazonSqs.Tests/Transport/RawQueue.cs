using Amazon.SQS;
using Amazon.SQS.Model;
using Unbundled.Testing.Aws;

namespace Unbundled.Messaging.AmazonSqs.Tests.Transport;

/// <summary>A queue read and written with the plain SQS SDK, the way another program on the wire would.</summary>
internal sealed class RawQueue(AmazonSQSClient sqs, string url) : IDisposable
{
    public AmazonSQSClient Sqs => sqs;

    public string Url => url;

    public static async Task<RawQueue> Create(string name, bool fifo = false)
    {
        var sqs = (await AwsEmulators.Shared()).CreateSqsClient();
        var request = new CreateQueueRequest { QueueName = name };
        if (fifo)
        {
            request.Attributes = new Dictionary<string, string> { ["FifoQueue"] = "true" };
        }

        return new RawQueue(sqs, (await sqs.CreateQueueAsync(request)).QueueUrl);
    }

    public static async Task<RawQueue> Existing(string name)
    {
        var sqs = (await AwsEmulators.Shared()).CreateSqsClient();
        return new RawQueue(sqs, (await sqs.GetQueueUrlAsync(name)).QueueUrl);
    }

    public async Task<Message> ReceiveOne(TimeSpan? timeout = null)
    {
        using var deadline = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var response = await sqs.ReceiveMessageAsync(new ReceiveMessageRequest
            {
                QueueUrl = url,
                WaitTimeSeconds = 2,
                MessageAttributeNames = ["All"],
                MessageSystemAttributeNames = ["All"],
            }, deadline.Token);
            if (response.Messages is [var message, ..])
            {
                await sqs.DeleteMessageAsync(url, message.ReceiptHandle);
                return message;
            }
        }
    }

    public Task Send(string body, Dictionary<string, MessageAttributeValue>? attributes = null) =>
        sqs.SendMessageAsync(new SendMessageRequest { QueueUrl = url, MessageBody = body, MessageAttributes = attributes ?? [] });

    public void Dispose() => sqs.Dispose();
}
