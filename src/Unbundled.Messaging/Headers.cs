namespace Unbundled.Messaging;

/// <summary>The header names NServiceBus puts on the wire. Names are part of the wire contract: never rename one.</summary>
public static class Headers
{
    public const string MessageId = "NServiceBus.MessageId";
    public const string CorrelationId = "NServiceBus.CorrelationId";
    public const string ConversationId = "NServiceBus.ConversationId";
    public const string RelatedTo = "NServiceBus.RelatedTo";
    public const string MessageIntent = "NServiceBus.MessageIntent";
    public const string ReplyToAddress = "NServiceBus.ReplyToAddress";
    public const string EnclosedMessageTypes = "NServiceBus.EnclosedMessageTypes";
    public const string ContentType = "NServiceBus.ContentType";
    public const string TimeSent = "NServiceBus.TimeSent";
    public const string NServiceBusVersion = "NServiceBus.Version";
    public const string OriginatingEndpoint = "NServiceBus.OriginatingEndpoint";
    public const string OriginatingMachine = "NServiceBus.OriginatingMachine";
    public const string OriginatingHostId = "$.diagnostics.originating.hostid";
    public const string DeliverAt = "NServiceBus.DeliverAt";
    public const string TimeToBeReceived = "NServiceBus.TimeToBeReceived";
    public const string ControlMessageHeader = "NServiceBus.ControlMessage";
    public const string ReturnMessageErrorCodeHeader = "NServiceBus.ReturnMessage.ErrorCode";

    public const string ProcessingStarted = "NServiceBus.ProcessingStarted";
    public const string ProcessingEnded = "NServiceBus.ProcessingEnded";
    public const string ProcessingEndpoint = "NServiceBus.ProcessingEndpoint";
    public const string ProcessingMachine = "NServiceBus.ProcessingMachine";
    public const string HostId = "$.diagnostics.hostid";
    public const string HostDisplayName = "$.diagnostics.hostdisplayname";

    public const string DelayedRetries = "NServiceBus.Retries";
    public const string DelayedRetriesTimestamp = "NServiceBus.Retries.Timestamp";
    public const string ImmediateRetries = "NServiceBus.FLRetries";

    public const string TraceParent = "traceparent";
    public const string TraceState = "tracestate";
}
