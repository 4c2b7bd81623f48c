using System.Diagnostics;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Amazon.SQS;
using Amazon.SQS.Model;
using Unbundled.LocalAws;
using Unbundled.Messaging.AmazonSqs.Sns;

namespace Unbundled.Benchmarks.Mutations;

/// <summary>
/// The raw cost of the emulator calls a mutation cannot do without, measured one by one on the same stand-ins: the command
/// hop, the Customers endpoint's two reads (its outbox record, then the claim the handler asks for) and its conditional
/// write, then the event hop with the projector's conditional write of the new view (it reads the view only when that
/// write finds one, on a redelivery). Nothing else is on the path: the reply goes
/// to the API in memory (it never crosses SQS), the API learns of the projection from the projector's save without
/// reading it back, and the dispatched marker and the deletes happen beside the event hop.
/// </summary>
internal static class AwsCriticalPath
{
    private const int Samples = 300;

    public static async Task<double> Measure(LocalAwsStandIns standIns)
    {
        var credentials = new BasicAWSCredentials("local", "local");
        using var sqs = new AmazonSQSClient(credentials, new AmazonSQSConfig { ServiceURL = standIns.SqsServiceUrl.ToString(), AuthenticationRegion = "us-east-1" });
        using var dynamo = new AmazonDynamoDBClient(credentials, new AmazonDynamoDBConfig { ServiceURL = standIns.DynamoDbServiceUrl.ToString(), AuthenticationRegion = "us-east-1" });
        using var sns = new SnsClient(credentials, Amazon.RegionEndpoint.USEast1, standIns.SnsServiceUrl);
        var name = $"raw{Guid.NewGuid():N}"[..12];
        var queueUrl = (await sqs.CreateQueueAsync(name)).QueueUrl;
        var queueArn = (await sqs.GetQueueAttributesAsync(queueUrl, ["QueueArn"])).QueueARN;
        var topicArn = await sns.CreateTopic(name);
        await sns.Subscribe(topicArn, queueArn, new Dictionary<string, string> { ["RawMessageDelivery"] = "true" });
        var table = await CreateTable(dynamo, name);

        var cost = new StandInCpu(standIns);
        var sendHop = await Percentile50(cost, "SQS send + receive + delete", async () =>
        {
            var receive = sqs.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = queueUrl, WaitTimeSeconds = 5 });
            var start = Stopwatch.GetTimestamp();
            await sqs.SendMessageAsync(queueUrl, "{}");
            var message = (await receive).Messages![0];
            var elapsed = Stopwatch.GetElapsedTime(start);
            await sqs.DeleteMessageAsync(queueUrl, message.ReceiptHandle);
            return elapsed;
        });
        var publishHop = await Percentile50(cost, "SNS publish + SQS receive + delete", async () =>
        {
            var receive = sqs.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = queueUrl, WaitTimeSeconds = 5 });
            var start = Stopwatch.GetTimestamp();
            await sns.Publish(topicArn, "{}");
            var message = (await receive).Messages![0];
            var elapsed = Stopwatch.GetElapsedTime(start);
            await sqs.DeleteMessageAsync(queueUrl, message.ReceiptHandle);
            return elapsed;
        });
        var i = 0;
        var put = await Percentile50(cost, "conditional PutItem", () => Timed(() => dynamo.PutItemAsync(new PutItemRequest
        {
            TableName = table,
            Item = Item($"K{i++}"),
            ConditionExpression = "attribute_not_exists(PK)",
        })));
        var get = await Percentile50(cost, "GetItem", () => Timed(() => dynamo.GetItemAsync(new GetItemRequest
        {
            TableName = table,
            Key = new() { ["PK"] = new("K1"), ["SK"] = new("S") },
            ConsistentRead = true,
        })));

        var critical = sendHop + 2 * get + put + publishHop + put;
        Console.WriteLine($"  raw emulator calls, p50 of {Samples}: SQS send→receive {sendHop:0.00} ms, SNS publish→SQS receive {publishHop:0.00} ms, "
            + $"DynamoDB GetItem {get:0.00} ms, conditional PutItem {put:0.00} ms");
        Console.WriteLine($"  raw critical path = send hop + 2 gets + put + event hop + put = {critical:0.00} ms");
        Console.WriteLine($"  stand-ins' CPU per raw call (the load moves it): {string.Join(", ", cost.PerCall)}");
        await sqs.DeleteQueueAsync(queueUrl);
        await sns.DeleteTopic(topicArn);
        await dynamo.DeleteTableAsync(table);
        return critical;
    }

    private static async Task<TimeSpan> Timed(Func<Task> call)
    {
        var start = Stopwatch.GetTimestamp();
        await call();
        return Stopwatch.GetElapsedTime(start);
    }

    private static async Task<double> Percentile50(StandInCpu cost, string call, Func<Task<TimeSpan>> sample)
    {
        for (var warm = 0; warm < 30; warm++)
        {
            await sample();
        }

        using var measured = cost.Measure(call, Samples);

        var samples = new List<double>(Samples);
        for (var n = 0; n < Samples; n++)
        {
            samples.Add((await sample()).TotalMilliseconds);
        }

        samples.Sort();
        return samples[Samples / 2];
    }

    private static Dictionary<string, AttributeValue> Item(string key) => new()
    {
        ["PK"] = new(key),
        ["SK"] = new("S"),
        ["Payload"] = new(new string('x', 600)),
    };

    private static async Task<string> CreateTable(AmazonDynamoDBClient dynamo, string name)
    {
        await dynamo.CreateTableAsync(new CreateTableRequest
        {
            TableName = name,
            BillingMode = BillingMode.PAY_PER_REQUEST,
            KeySchema = [new("PK", KeyType.HASH), new("SK", KeyType.RANGE)],
            AttributeDefinitions = [new("PK", ScalarAttributeType.S), new("SK", ScalarAttributeType.S)],
        });
        while ((await dynamo.DescribeTableAsync(name)).Table.TableStatus != TableStatus.ACTIVE)
        {
            await Task.Delay(100);
        }

        return name;
    }
}
