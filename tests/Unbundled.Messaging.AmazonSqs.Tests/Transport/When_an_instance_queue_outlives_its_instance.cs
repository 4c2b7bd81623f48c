using System.Globalization;
using Amazon.SQS.Model;
using Unbundled.Messaging.AmazonSqs.Tests.Conformance;
using Unbundled.Messaging.TransportTests.Infrastructure;
using Xunit;

namespace Unbundled.Messaging.AmazonSqs.Tests.Transport;

/// <summary>Instance queues must not pile up (NServiceBus#6717).</summary>
public sealed class When_an_instance_queue_outlives_its_instance : TransportTest<SqsWorld>
{
    [Fact]
    public async Task A_graceful_stop_deletes_the_instance_queue_and_its_delay_queue()
    {
        var api = await StartEndpoint("Api", c => c.MakeInstanceUniquelyAddressable("blue").EnableCallbacks());
        using var probe = await RawQueue.Existing(World.Prefix + "Api");

        await StopEndpoint(api);

        await Assert.ThrowsAsync<QueueDoesNotExistException>(() => probe.Sqs.GetQueueUrlAsync(World.Prefix + "Api-blue"));
        await Assert.ThrowsAsync<QueueDoesNotExistException>(() => probe.Sqs.GetQueueUrlAsync(World.Prefix + "Api-blue-delay.fifo"));
        Assert.NotNull((await probe.Sqs.GetQueueUrlAsync(World.Prefix + "Api")).QueueUrl);
    }

    [Fact]
    public async Task Starting_an_instance_deletes_tagged_queues_of_dead_instances_only()
    {
        using var dead = await RawQueue.Create(World.Prefix + "Api-dead");
        await dead.Sqs.TagQueueAsync(new TagQueueRequest
        {
            QueueUrl = dead.Url,
            Tags = new()
            {
                ["unbundled:instance-queue"] = "true",
                ["unbundled:last-seen"] = DateTimeOffset.UtcNow.AddHours(-2).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            },
        });
        using var untagged = await RawQueue.Create(World.Prefix + "Api-unrelated");

        await StartEndpoint("Api", c => c.MakeInstanceUniquelyAddressable("alive").EnableCallbacks());

        // The clean-up runs in the background right after start.
        var remaining = await Queues(dead, World.Prefix + "Api-");
        using var deadline = new CancellationTokenSource(Scenario.Timeout);
        while (remaining.Any(url => url.EndsWith("/" + World.Prefix + "Api-dead", StringComparison.Ordinal)))
        {
            await Task.Delay(100, deadline.Token);
            remaining = await Queues(dead, World.Prefix + "Api-");
        }

        Assert.DoesNotContain(remaining, url => url.EndsWith("/" + World.Prefix + "Api-dead", StringComparison.Ordinal));
        Assert.Contains(remaining, url => url.EndsWith("/" + World.Prefix + "Api-unrelated", StringComparison.Ordinal));
        Assert.Contains(remaining, url => url.EndsWith("/" + World.Prefix + "Api-alive", StringComparison.Ordinal));
    }

    private static async Task<List<string>> Queues(RawQueue probe, string prefix) =>
        (await probe.Sqs.ListQueuesAsync(new ListQueuesRequest { QueueNamePrefix = prefix })).QueueUrls ?? [];
}
