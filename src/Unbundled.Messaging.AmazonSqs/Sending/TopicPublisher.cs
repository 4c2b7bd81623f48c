using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Unbundled.Messaging.AmazonSqs.Naming;
using Unbundled.Messaging.AmazonSqs.Sns;
using Unbundled.Messaging.Transport;

namespace Unbundled.Messaging.AmazonSqs.Sending;

/// <summary>
/// Publishes events to the topic of their most concrete type. The topic ARN is built from the account and region rather
/// than found with <c>ListTopics</c> (rate-limited to 30 TPS, wire-format §8.1). A topic that does not exist has no
/// subscribers: like NServiceBus, the publish is dropped, and the miss is remembered for 5 seconds.
/// </summary>
internal sealed class TopicPublisher(SqsClients clients, string topicNamePrefix, ILogger logger)
{
    private static readonly TimeSpan MissingTopicCacheTime = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<string, DateTimeOffset> missingUntil = new(StringComparer.Ordinal);

    public async Task Publish(Type eventType, List<OutgoingMessage> messages, CancellationToken cancellationToken)
    {
        var topicArn = clients.TopicArn(TopicNameGenerator.GetTopicName(eventType, topicNamePrefix));
        if (missingUntil.TryGetValue(topicArn, out var until) && until > DateTimeOffset.UtcNow)
        {
            return;
        }

        try
        {
            foreach (var batch in messages.Chunk(SnsClient.MaxBatchSize))
            {
                await PublishBatch(topicArn, batch, cancellationToken);
            }

            missingUntil.TryRemove(topicArn, out _);
        }
        catch (SnsException exception) when (exception.Code == "NotFound")
        {
            missingUntil[topicArn] = DateTimeOffset.UtcNow + MissingTopicCacheTime;
            logger.LogDebug("No topic {TopicArn}, so no subscribers: {Count} events of {EventType} not published", topicArn, messages.Count, eventType.FullName);
        }
    }

    private async Task PublishBatch(string topicArn, OutgoingMessage[] batch, CancellationToken cancellationToken)
    {
        if (batch.Length == 1)
        {
            await clients.Sns.Publish(topicArn, Body(batch[0]), Attributes(batch[0]), cancellationToken);
            return;
        }

        var entries = batch.Select((message, index) => new SnsBatchEntry(index.ToString(CultureInfo.InvariantCulture), Body(message), Attributes(message))).ToList();
        var result = await clients.Sns.PublishBatch(topicArn, entries, cancellationToken);
        foreach (var failed in result.Failed)
        {
            var message = batch[int.Parse(failed.Id, CultureInfo.InvariantCulture)];
            await clients.Sns.Publish(topicArn, Body(message), Attributes(message), cancellationToken);
        }
    }

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
