namespace Unbundled.Messaging.AmazonSqs.Sns;

internal sealed record SnsBatchSuccess(string Id, string MessageId);
