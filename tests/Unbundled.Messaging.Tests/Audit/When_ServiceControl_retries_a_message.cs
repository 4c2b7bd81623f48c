using Unbundled.Messaging.Tests.Commands;
using Unbundled.Messaging.Tests.Handlers;
using Unbundled.Messaging.TransportTests.Infrastructure;

namespace Unbundled.Messaging.Tests.Audit;

/// <summary>ServiceControl sends a failed message back with its retry headers and waits to hear that it succeeded.</summary>
public class When_ServiceControl_retries_a_message : TransportTest<EmbeddedWorld>
{
    private static readonly byte[] Body = """{"OrderId":"o-1"}"""u8.ToArray();

    [Fact]
    public async Task Should_acknowledge_the_successful_retry_on_the_acknowledgement_queue()
    {
        var errors = await SpyOn("error");
        await StartEndpoint("Sales", c => c.RegisterHandler<PlaceOrderHandler>().AuditProcessedMessagesTo("audit"));
        var before = DateTimeOffset.UtcNow;

        await DispatchRaw("Sales", RetriedByServiceControl<PlaceOrder>(), Body);

        var acknowledgement = await errors.Next();
        var headers = acknowledgement.Headers;
        Assert.Equal("f3d0b26f-4e2b-4b7a-9c53-0d1c5e0b1a11", headers["ServiceControl.Retry.UniqueMessageId"]);
        Assert.Equal("True", headers["NServiceBus.ControlMessage"]);
        Assert.InRange(WireDate.ToUtcDateTimeOffset(headers["ServiceControl.Retry.Successful"]), before.AddMilliseconds(-1), DateTimeOffset.UtcNow);
        Assert.NotEqual("order-1", headers[Headers.MessageId]);
        Assert.True(acknowledgement.Body.IsEmpty);
    }

    [Fact]
    public async Task Should_mark_the_audit_copy_as_acknowledged()
    {
        var audit = await SpyOn("audit");
        await StartEndpoint("Sales", c => c.RegisterHandler<PlaceOrderHandler>().AuditProcessedMessagesTo("audit"));

        await DispatchRaw("Sales", RetriedByServiceControl<PlaceOrder>(), Body);

        var copy = await audit.Next();
        Assert.Equal("order-1", copy.Headers[Headers.MessageId]);
        Assert.Equal("true", copy.Headers["ServiceControl.Retry.AcknowledgementSent"]);
        Assert.Equal("f3d0b26f-4e2b-4b7a-9c53-0d1c5e0b1a11", copy.Headers["ServiceControl.Retry.UniqueMessageId"]);
    }

    [Fact]
    public async Task Should_send_the_failed_retry_back_to_error_without_an_acknowledgement()
    {
        var errors = await SpyOn("error");
        await StartEndpoint("Sales", c => c.RegisterHandler<RejectOrderHandler>());

        await DispatchRaw("Sales", RetriedByServiceControl<RejectOrder>(), Body);

        var failed = await errors.Next();
        Assert.Equal("order-1", failed.Headers[Headers.MessageId]);
        Assert.Equal("f3d0b26f-4e2b-4b7a-9c53-0d1c5e0b1a11", failed.Headers["ServiceControl.Retry.UniqueMessageId"]);
        Assert.False(failed.Headers.ContainsKey("ServiceControl.Retry.Successful"));
        Assert.True(await errors.NothingWithin(TimeSpan.FromMilliseconds(300)));
    }

    [Fact]
    public async Task Should_send_no_acknowledgement_for_a_message_ServiceControl_did_not_retry()
    {
        var errors = await SpyOn("error");
        var audit = await SpyOn("audit");
        await StartEndpoint("Sales", c => c.RegisterHandler<PlaceOrderHandler>().AuditProcessedMessagesTo("audit"));
        var headers = RetriedByServiceControl<PlaceOrder>();
        headers.Remove("ServiceControl.Retry.AcknowledgementQueue");

        await DispatchRaw("Sales", headers, Body);

        var copy = await audit.Next();
        Assert.False(copy.Headers.ContainsKey("ServiceControl.Retry.AcknowledgementSent"));
        Assert.True(await errors.NothingWithin(TimeSpan.FromMilliseconds(300)));
    }

    private static Dictionary<string, string> RetriedByServiceControl<TMessage>() => new()
    {
        [Headers.MessageId] = "order-1",
        [Headers.EnclosedMessageTypes] = typeof(TMessage).AssemblyQualifiedName!,
        [Headers.ContentType] = "application/json",
        [Headers.MessageIntent] = "Send",
        ["ServiceControl.Retry.UniqueMessageId"] = "f3d0b26f-4e2b-4b7a-9c53-0d1c5e0b1a11",
        ["ServiceControl.Retry.AcknowledgementQueue"] = "error",
    };
}
