namespace Unbundled.Messaging.AmazonSqs.Sns;

/// <param name="SenderFault">True when resending the same entry cannot succeed (for example a message that is too large).</param>
internal sealed record SnsBatchFailure(string Id, string Code, string? Message, bool SenderFault);
