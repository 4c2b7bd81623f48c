namespace Unbundled.Messaging.AmazonSqs.Receiving;

/// <summary>A received SQS message made sense of: its NServiceBus message id, headers and body.</summary>
internal sealed record ReceivedMessage(string MessageId, Dictionary<string, string> Headers, byte[] Body);
