namespace Unbundled.Messaging.Topology;

/// <summary>A topic's subscription by a queue (SQS protocol); raw delivery, as NServiceBus subscribes.</summary>
public sealed record SubscriptionResource(string Topic, string Queue, bool RawMessageDelivery);
