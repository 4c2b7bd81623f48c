using System.Globalization;
using Amazon.SQS.Model;
using Microsoft.Extensions.Logging.Abstractions;
using Unbundled.AcceptanceTests.Infrastructure;
using Unbundled.Messaging;
using Unbundled.Messaging.Transport;
using Unbundled.Messaging.TransportTests.Infrastructure;
using Unbundled.Testing.Aws;
using Xunit;

namespace Unbundled.AcceptanceTests.Lambda;

/// <summary>Request/response from the API function: its reply queue per execution environment (docs/lambda.md#request-response).</summary>
public sealed class When_the_API_function_waits_for_replies(LambdaSystem system) : AcceptanceTest<LambdaSystem>(system)
{
    private const string ReplyQueuePrefix = "Unbundled-Api-lambda-";

    [Fact]
    public async Task Should_drop_a_reply_to_a_request_of_an_earlier_invocation()
    {
        var transport = System.CreateTransport();
        await using var errors = await QueueSpy.Start(transport, "error");
        var replyQueue = await NewestReplyQueue();
        var lateReply = Guid.NewGuid().ToString();

        await Dispatch(transport, replyQueue, new Dictionary<string, string>
        {
            [Headers.MessageId] = lateReply,
            [Headers.MessageIntent] = "Reply",
            [Headers.CorrelationId] = Guid.NewGuid().ToString(),
            [Headers.ContentType] = "application/json",
            [Headers.EnclosedMessageTypes] = "Unbundled.Domain.Messages.InviteCustomerResponse, Unbundled.Domain",
        });
        var answer = await Api.Invite(UniqueEmail());

        Assert.NotNull(answer.InvitedId);
        Assert.True(await errors.NothingWithin(TimeSpan.FromSeconds(3)), "the late reply went to error");
        using var sqs = (await AwsEmulators.Shared()).CreateSqsClient();
        var url = (await sqs.GetQueueUrlAsync(replyQueue)).QueueUrl;
        var left = await sqs.GetQueueAttributesAsync(url, ["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"]);
        Assert.Equal(0, left.ApproximateNumberOfMessages + left.ApproximateNumberOfMessagesNotVisible);
    }

    [Fact]
    public async Task Should_remove_the_reply_queue_of_an_environment_that_vanished()
    {
        using var sqs = (await AwsEmulators.Shared()).CreateSqsClient();
        var gone = System.Prefix + ReplyQueuePrefix + "gone";
        var url = (await sqs.CreateQueueAsync(gone)).QueueUrl;
        await sqs.TagQueueAsync(new TagQueueRequest
        {
            QueueUrl = url,
            Tags = new() { ["unbundled:instance-queue"] = "true", ["unbundled:last-seen"] = DateTimeOffset.UtcNow.AddHours(-2).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) },
        });

        // A deployment: every environment goes, and the new API environment's start clears what dead ones left.
        await System.Restart();

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while ((await ReplyQueues()).Contains(gone))
        {
            Assert.True(DateTime.UtcNow < deadline, $"{gone} is still there");
            await Task.Delay(200);
        }

        Assert.NotNull((await Api.Invite(UniqueEmail())).InvitedId);
    }

    private async Task<IReadOnlyList<string>> ReplyQueues()
    {
        using var sqs = (await AwsEmulators.Shared()).CreateSqsClient();
        var urls = (await sqs.ListQueuesAsync(System.Prefix + ReplyQueuePrefix)).QueueUrls ?? [];
        return [.. urls.Select(u => u[(u.LastIndexOf('/') + 1)..]).Where(name => !name.EndsWith(".fifo", StringComparison.Ordinal))];
    }

    /// <summary>The live environment's: environments a restart killed leave theirs, seen earlier.</summary>
    private async Task<string> NewestReplyQueue()
    {
        using var sqs = (await AwsEmulators.Shared()).CreateSqsClient();
        var seen = new List<(string Queue, long LastSeen)>();
        foreach (var queue in await ReplyQueues())
        {
            var tags = (await sqs.ListQueueTagsAsync(new ListQueueTagsRequest { QueueUrl = (await sqs.GetQueueUrlAsync(queue)).QueueUrl })).Tags ?? [];
            seen.Add((queue, long.Parse(tags.GetValueOrDefault("unbundled:last-seen", "0"), CultureInfo.InvariantCulture)));
        }

        return seen.OrderByDescending(q => q.LastSeen).ThenByDescending(q => q.Queue, StringComparer.Ordinal).First().Queue;
    }

    private static async Task Dispatch(TransportDefinition transport, string queue, Dictionary<string, string> headers)
    {
        var host = new HostSettings("AcceptanceTests", Environment.MachineName, false, (_, _) => { }, NullLoggerFactory.Instance);
        var infrastructure = await transport.Initialize(host, [], [queue]);
        await infrastructure.Dispatcher.Dispatch(new TransportOperations(
            new UnicastTransportOperation(new OutgoingMessage(headers[Headers.MessageId], headers, "{}"u8.ToArray()), queue, DispatchProperties.None)));
        await infrastructure.Shutdown();
    }
}
