namespace Unbundled.Messaging.Outbox;

/// <summary>What processing one incoming message produced.</summary>
public sealed record OutboxRecord(string MessageId, IReadOnlyList<OutboxOperation> Operations, bool Dispatched = false);
