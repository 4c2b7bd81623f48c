using Unbundled.Messaging.Tests.Commands;
using Unbundled.Messaging.Tests.Handlers;
using Unbundled.Messaging.Tests.Infrastructure;
using Unbundled.Messaging.TransportTests.Infrastructure;

namespace Unbundled.Messaging.Tests.Audit;

public class When_auditing_processed_messages : TransportTest<EmbeddedWorld>
{
    private static readonly byte[] Body = """{"OrderId":"o-1"}"""u8.ToArray();

    [Fact]
    public async Task Should_copy_the_message_unchanged_to_the_audit_queue()
    {
        var audit = await SpyOn("audit");
        await StartEndpoint("Sales", c => c.RegisterHandler<PlaceOrderHandler>().AuditProcessedMessagesTo("audit"));

        await DispatchRaw("Sales", PlaceOrderHeaders(), Body);

        var copy = await audit.Next();
        Assert.Equal("order-1", copy.Headers[Headers.MessageId]);
        Assert.Equal("2024-05-01 13:45:07:123456 Z", copy.Headers[Headers.TimeSent]);
        Assert.Equal("Shop", copy.Headers[Headers.OriginatingEndpoint]);
        Assert.Equal(Body, copy.Body.ToArray());
    }

    [Fact]
    public async Task Should_add_when_where_and_by_whom_it_was_processed()
    {
        var audit = await SpyOn("audit");
        await StartEndpoint("Sales", c => c.RegisterHandler<PlaceOrderHandler>().AuditProcessedMessagesTo("audit"));
        var before = DateTimeOffset.UtcNow;

        await DispatchRaw("Sales", PlaceOrderHeaders(), Body);

        var headers = (await audit.Next()).Headers;
        var started = WireDate.ToUtcDateTimeOffset(headers["NServiceBus.ProcessingStarted"]);
        var ended = WireDate.ToUtcDateTimeOffset(headers["NServiceBus.ProcessingEnded"]);
        Assert.InRange(started, before.AddMilliseconds(-1), ended);
        Assert.InRange(ended, started, DateTimeOffset.UtcNow);
        Assert.Equal("Sales", headers["NServiceBus.ProcessingEndpoint"]);
        Assert.Equal(Environment.MachineName, headers["NServiceBus.ProcessingMachine"]);
        Assert.Matches("^[0-9a-f]{32}$", headers["$.diagnostics.hostid"]);
        Assert.Equal(Environment.MachineName, headers["$.diagnostics.hostdisplayname"]);
        Assert.False(headers.ContainsKey(ServiceControlHeaders.AcknowledgementSent));
    }

    [Fact]
    public async Task Should_name_the_host_its_own_messages_say_they_come_from()
    {
        var audit = await SpyOn("audit");
        await StartEndpoint("Sales", c => c.RegisterHandler<PlaceOrderHandler>().AuditProcessedMessagesTo("audit"));

        await DispatchRaw("Sales", PlaceOrderHeaders(), Body);

        var processed = await audit.Next();
        var billOrder = Assert.Single(StoredMessage.In(World.Root, "Billing"));
        Assert.Equal(processed.Headers["$.diagnostics.hostid"], billOrder.Headers[Headers.OriginatingHostId]);
    }

    [Fact]
    public async Task Should_not_audit_a_message_whose_processing_failed()
    {
        var audit = await SpyOn("audit");
        var errors = await SpyOn("error");
        await StartEndpoint("Sales", c => c.RegisterHandler<RejectOrderHandler>().AuditProcessedMessagesTo("audit"));

        await DispatchRaw("Sales", RejectOrderHeaders(), Body);

        await errors.Next();
        Assert.True(await audit.NothingWithin(TimeSpan.FromMilliseconds(300)));
    }

    private static Dictionary<string, string> PlaceOrderHeaders() => new()
    {
        [Headers.MessageId] = "order-1",
        [Headers.EnclosedMessageTypes] = typeof(PlaceOrder).AssemblyQualifiedName!,
        [Headers.ContentType] = "application/json",
        [Headers.MessageIntent] = "Send",
        [Headers.TimeSent] = "2024-05-01 13:45:07:123456 Z",
        [Headers.OriginatingEndpoint] = "Shop",
    };

    private static Dictionary<string, string> RejectOrderHeaders() => new()
    {
        [Headers.MessageId] = "order-1",
        [Headers.EnclosedMessageTypes] = typeof(RejectOrder).AssemblyQualifiedName!,
        [Headers.ContentType] = "application/json",
        [Headers.MessageIntent] = "Send",
    };
}
