namespace Unbundled.Messaging.AmazonSqs.Sns;

/// <summary>One message of a <see cref="SnsClient.PublishBatch"/>; <paramref name="Id"/> is unique within the batch.</summary>
internal sealed record SnsBatchEntry(
    string Id,
    string Message,
    IReadOnlyDictionary<string, SnsMessageAttribute>? MessageAttributes = null);
