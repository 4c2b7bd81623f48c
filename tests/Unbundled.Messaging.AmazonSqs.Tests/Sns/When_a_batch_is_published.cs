using Unbundled.Messaging.AmazonSqs.Sns;
using Unbundled.Testing.Aws;
using Xunit;

namespace Unbundled.Messaging.AmazonSqs.Tests.Sns;

public sealed class When_a_batch_is_published(AwsEmulatorsFixture aws) : SnsTestContext(aws), IAsyncLifetime
{
    private string topicArn = "";
    private TestQueue queue = null!;

    public async Task InitializeAsync()
    {
        topicArn = await Sns.CreateTopic(Prefix + "Batched");
        queue = await TestQueue.Create(Sqs, Prefix + "Batched");
        await Sns.Subscribe(topicArn, queue.Arn, new Dictionary<string, string> { ["RawMessageDelivery"] = "true" });
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task All_ten_entries_arrive_with_their_attributes()
    {
        var entries = Enumerable.Range(1, 10)
            .Select(i => new SnsBatchEntry(
                $"e{i}",
                $"body {i}",
                new Dictionary<string, SnsMessageAttribute> { ["Index"] = SnsMessageAttribute.Number(i.ToString(System.Globalization.CultureInfo.InvariantCulture)) }))
            .ToList();

        var result = await Sns.PublishBatch(topicArn, entries);
        var received = await queue.Receive(10);

        Assert.Empty(result.Failed);
        Assert.Equal(entries.Select(e => e.Id).Order(), result.Successful.Select(s => s.Id).Order());
        Assert.Equal(entries.Select(e => e.Message).Order(), received.Select(m => m.Body).Order());
        Assert.All(received, m => Assert.Equal(m.Body, "body " + m.MessageAttributes["Index"].StringValue));
    }

    [Fact]
    public async Task An_entry_that_is_too_large_fails_alone()
    {
        var tooLarge = new string('x', 256 * 1024 + 1);

        var result = await Sns.PublishBatch(topicArn, [new SnsBatchEntry("small", "fits"), new SnsBatchEntry("large", tooLarge)]);

        Assert.Equal("small", Assert.Single(result.Successful).Id);
        var failure = Assert.Single(result.Failed);
        Assert.Equal(("large", "InvalidParameter", true), (failure.Id, failure.Code, failure.SenderFault));
        Assert.Equal("fits", Assert.Single(await queue.Receive(1)).Body);
    }

    [Fact]
    public async Task More_than_ten_entries_are_refused_before_sending()
    {
        var entries = Enumerable.Range(1, 11).Select(i => new SnsBatchEntry($"e{i}", "x")).ToList();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Sns.PublishBatch(topicArn, entries));
    }
}
