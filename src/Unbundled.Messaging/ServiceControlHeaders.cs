namespace Unbundled.Messaging;

/// <summary>Headers ServiceControl puts on retried messages, and the ones an endpoint answers with.</summary>
public static class ServiceControlHeaders
{
    public const string UniqueMessageId = "ServiceControl.Retry.UniqueMessageId";
    public const string AcknowledgementQueue = "ServiceControl.Retry.AcknowledgementQueue";
    public const string RetrySuccessful = "ServiceControl.Retry.Successful";
    public const string AcknowledgementSent = "ServiceControl.Retry.AcknowledgementSent";
}
