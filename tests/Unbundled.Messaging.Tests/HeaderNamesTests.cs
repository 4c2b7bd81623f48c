namespace Unbundled.Messaging.Tests;

/// <summary>
/// Header names are the wire contract with NServiceBus endpoints and ServiceControl: each constant is pinned to the name
/// docs/wire-format.md gives, so the tests that use the constants assert the real names too.
/// </summary>
public class HeaderNamesTests
{
    public static TheoryData<string, string> Names => new()
    {
        { Headers.MessageId, "NServiceBus.MessageId" },
        { Headers.CorrelationId, "NServiceBus.CorrelationId" },
        { Headers.ConversationId, "NServiceBus.ConversationId" },
        { Headers.RelatedTo, "NServiceBus.RelatedTo" },
        { Headers.MessageIntent, "NServiceBus.MessageIntent" },
        { Headers.ReplyToAddress, "NServiceBus.ReplyToAddress" },
        { Headers.EnclosedMessageTypes, "NServiceBus.EnclosedMessageTypes" },
        { Headers.ContentType, "NServiceBus.ContentType" },
        { Headers.TimeSent, "NServiceBus.TimeSent" },
        { Headers.NServiceBusVersion, "NServiceBus.Version" },
        { Headers.OriginatingEndpoint, "NServiceBus.OriginatingEndpoint" },
        { Headers.OriginatingMachine, "NServiceBus.OriginatingMachine" },
        { Headers.OriginatingHostId, "$.diagnostics.originating.hostid" },
        { Headers.DeliverAt, "NServiceBus.DeliverAt" },
        { Headers.ControlMessageHeader, "NServiceBus.ControlMessage" },
        { Headers.ReturnMessageErrorCodeHeader, "NServiceBus.ReturnMessage.ErrorCode" },
        { Headers.ProcessingStarted, "NServiceBus.ProcessingStarted" },
        { Headers.ProcessingEnded, "NServiceBus.ProcessingEnded" },
        { Headers.ProcessingEndpoint, "NServiceBus.ProcessingEndpoint" },
        { Headers.ProcessingMachine, "NServiceBus.ProcessingMachine" },
        { Headers.HostId, "$.diagnostics.hostid" },
        { Headers.HostDisplayName, "$.diagnostics.hostdisplayname" },
        { Headers.DelayedRetries, "NServiceBus.Retries" },
        { Headers.DelayedRetriesTimestamp, "NServiceBus.Retries.Timestamp" },
        { Headers.ImmediateRetries, "NServiceBus.FLRetries" },
        { FaultsHeaderKeys.FailedQ, "NServiceBus.FailedQ" },
        { FaultsHeaderKeys.ExceptionType, "NServiceBus.ExceptionInfo.ExceptionType" },
        { FaultsHeaderKeys.InnerExceptionType, "NServiceBus.ExceptionInfo.InnerExceptionType" },
        { FaultsHeaderKeys.HelpLink, "NServiceBus.ExceptionInfo.HelpLink" },
        { FaultsHeaderKeys.Message, "NServiceBus.ExceptionInfo.Message" },
        { FaultsHeaderKeys.Source, "NServiceBus.ExceptionInfo.Source" },
        { FaultsHeaderKeys.StackTrace, "NServiceBus.ExceptionInfo.StackTrace" },
        { FaultsHeaderKeys.ExceptionDataPrefix, "NServiceBus.ExceptionInfo.Data." },
        { FaultsHeaderKeys.TimeOfFailure, "NServiceBus.TimeOfFailure" },
        { ServiceControlHeaders.UniqueMessageId, "ServiceControl.Retry.UniqueMessageId" },
        { ServiceControlHeaders.AcknowledgementQueue, "ServiceControl.Retry.AcknowledgementQueue" },
        { ServiceControlHeaders.RetrySuccessful, "ServiceControl.Retry.Successful" },
        { ServiceControlHeaders.AcknowledgementSent, "ServiceControl.Retry.AcknowledgementSent" },
    };

    [Theory]
    [MemberData(nameof(Names))]
    public void Each_constant_is_the_name_on_the_wire(string constant, string wireName) =>
        Assert.Equal(wireName, constant);

    [Theory]
    [InlineData(MessageIntent.Send, "Send")]
    [InlineData(MessageIntent.Publish, "Publish")]
    [InlineData(MessageIntent.Subscribe, "Subscribe")]
    [InlineData(MessageIntent.Unsubscribe, "Unsubscribe")]
    [InlineData(MessageIntent.Reply, "Reply")]
    public void Each_message_intent_travels_by_its_name(MessageIntent intent, string onTheWire) =>
        Assert.Equal(onTheWire, intent.ToString());
}
