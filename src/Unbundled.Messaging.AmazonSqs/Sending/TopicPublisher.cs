using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Unbundled.Messaging.AmazonSqs.Batching;
using Unbundled.Messaging.AmazonSqs.Naming;
using Unbundled.Messaging.AmazonSqs.Sns;
using Unbundled.Messaging.Batching;
using Unbundled.Messaging.Transport;

namespace Unbundled.Messaging.AmazonSqs.Sending;

/// <summary>
/// Publishes events to the topic of their most concrete type. The topic ARN is built from the account and region rather
/// than found with <c>ListTopics</c> (rate-limited to 30 TPS, docs/wire-format.md §8). A topic that does not exist has no
/// subscribers: like NServiceBus, the publish is dropped, and the miss is remembered for 5 seconds. Events published while
/// another publish to the topic is in flight go together in the next <c>PublishBatch</c>.
/// </summary>
internal sealed class TopicPublisher(SqsClients clients, string topicNamePrefix, TimeProvider time, ILogger logger)
{
    private static readonly TimeSpan MissingTopicCacheTime = TimeSpan.FromSeconds(5);

    /// <summary>What publishing calls on a topic: sns:Publish authorises Publish and PublishBatch; the ARN is built, never looked up.</summary>
    public static IEnumerable<string> Actions => ["sns:Publish"];

    private readonly ConcurrentDictionary<string, DateTimeOffset> missingUntil = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, RequestBatcher<SnsBatchEntry>> topics = new(StringComparer.Ordinal);

    public async Task Publish(Type eventType, List<OutgoingMessage> messages, CancellationToken cancellationToken)
    {
        var topicArn = clients.TopicArn(TopicNameGenerator.GetTopicName(eventType, topicNamePrefix));
        if (missingUntil.TryGetValue(topicArn, out var until) && until > time.GetUtcNow())
        {
            return;
        }

        try
        {
            var batcher = topics.GetOrAdd(topicArn, arn => new RequestBatcher<SnsBatchEntry>(SnsClient.MaxBatchSize, entries => PublishAll(arn, entries)));
            await batcher.AddAll([.. messages.Select(Entry)], cancellationToken);
            missingUntil.TryRemove(topicArn, out _);
        }
        catch (SnsException exception) when (exception.Code == "NotFound")
        {
            missingUntil[topicArn] = time.GetUtcNow() + MissingTopicCacheTime;
            logger.LogDebug("No topic {TopicArn}, so no subscribers: {Count} events of {EventType} not published", topicArn, messages.Count, eventType.FullName);
        }
    }

    /// <summary>Completes once every publish queued so far has gone out (or failed).</summary>
    public Task WhenIdle() => Task.WhenAll(topics.Values.Select(batcher => batcher.WhenIdle()));

    private async Task PublishAll(string topicArn, IReadOnlyList<SnsBatchEntry> entries)
    {
        foreach (var batch in SizeBoundedBatches.Of(entries, entry => System.Text.Encoding.UTF8.GetByteCount(entry.Message)))
        {
            if (batch.Count == 1)
            {
                await clients.Sns.Publish(topicArn, batch[0].Message, batch[0].MessageAttributes, CancellationToken.None);
                continue;
            }

            // Entry ids must be unique within a call; the events of several dispatches meet here, so number them afresh.
            var numbered = batch.Select((entry, index) => entry with { Id = index.ToString(CultureInfo.InvariantCulture) }).ToList();
            var result = await clients.Sns.PublishBatch(topicArn, numbered, CancellationToken.None);
            foreach (var failed in result.Failed)
            {
                var entry = batch[int.Parse(failed.Id, CultureInfo.InvariantCulture)];
                await clients.Sns.Publish(topicArn, entry.Message, entry.MessageAttributes, CancellationToken.None);
            }
        }
    }

    private static SnsBatchEntry Entry(OutgoingMessage message) => new(message.MessageId, Body(message), Attributes(message));

    private static string Body(OutgoingMessage message)
    {
        var body = SqsEnvelope.Wrap(message.Headers, message.Body.Span);
        return System.Text.Encoding.UTF8.GetByteCount(body) <= TransportHeaders.MaximumMessageSize
            ? body
            : throw new InvalidOperationException($"Event {message.MessageId} is larger than SNS's {TransportHeaders.MaximumMessageSize} bytes.");
    }

    private static Dictionary<string, SnsMessageAttribute> Attributes(OutgoingMessage message) =>
        new() { [TransportHeaders.MessageId] = SnsMessageAttribute.String(message.MessageId) };
}
