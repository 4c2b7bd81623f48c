namespace Unbundled.Messaging.AmazonSqs.Sns;

/// <param name="Endpoint">For the <c>sqs</c> protocol, the queue ARN.</param>
internal sealed record SnsSubscription(string SubscriptionArn, string TopicArn, string Protocol, string Endpoint, string? Owner);
