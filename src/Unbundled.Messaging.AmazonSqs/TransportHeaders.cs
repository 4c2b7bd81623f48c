namespace Unbundled.Messaging.AmazonSqs;

/// <summary>The SQS message attributes and envelope values NServiceBus.AmazonSQS uses (docs/wire-format.md §1).</summary>
internal static class TransportHeaders
{
    public const string MessageId = "NServiceBus.MessageId";
    public const string Headers = "NServiceBus.AmazonSQS.Headers";
    public const string DelaySeconds = "NServiceBus.AmazonSQS.DelaySeconds";
    public const string TimeToBeReceived = "NServiceBus.AmazonSQS.TimeToBeReceived";
    public const string S3BodyKey = "S3BodyKey";
    public const string MessageTypeFullName = "MessageTypeFullName";

    /// <summary>SQS rejects empty bodies, so an empty one travels as this literal.</summary>
    public const string EmptyMessage = "empty message";

    /// <summary>Messages above this go to S3 in NServiceBus; we do not offload and refuse them instead (SNS's limit).</summary>
    public const int MaximumMessageSize = 256 * 1024;

    /// <summary>The longest native SQS delay; longer delays go through the endpoint's <c>-delay.fifo</c> queue.</summary>
    public const int MaximumNativeDelaySeconds = 900;

    public const string DelayQueueSuffix = "-delay.fifo";
}
