using System.Globalization;
using Amazon.SQS.Model;
using Unbundled.AcceptanceTests.Infrastructure;
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
        // The first mutation of an environment creates its reply queue.
        Assert.NotNull((await Api.Invite(UniqueEmail())).InvitedId);
        var replyQueue = await NewestReplyQueue();

        await Replies.Send(transport, replyQueue, Guid.NewGuid().ToString(), Guid.NewGuid().ToString());
        var answer = await Api.Invite(UniqueEmail());

        Assert.NotNull(answer.InvitedId);
        Assert.True(await errors.NothingWithin(TimeSpan.FromSeconds(3)), "the late reply went to error");
        Assert.Equal(0, await Replies.Left(await AwsEmulators.Shared(), replyQueue));
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

        // A deployment: every environment goes, and the new API environment's first request clears what dead ones left.
        await System.Restart();
        Assert.NotNull((await Api.Invite(UniqueEmail())).InvitedId);

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while ((await ReplyQueues()).Contains(gone))
        {
            Assert.True(DateTime.UtcNow < deadline, $"{gone} is still there");
            await Task.Delay(200);
        }
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
}
