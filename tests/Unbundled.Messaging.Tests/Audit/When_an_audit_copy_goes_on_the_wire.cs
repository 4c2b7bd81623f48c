using Unbundled.Messaging.Pipeline;
using Unbundled.Messaging.Tests.Commands;
using Unbundled.Messaging.Tests.Handlers;
using Unbundled.Messaging.Tests.Infrastructure;
using Unbundled.Messaging.TransportTests.Infrastructure;

namespace Unbundled.Messaging.Tests.Audit;

/// <summary>The golden audit copy, header by header against wire-format §2.4 and §6.2, with the clock stopped.</summary>
public class When_an_audit_copy_goes_on_the_wire : TransportTest<EmbeddedWorld>
{
    private static readonly byte[] Body = """{"OrderId":"o-1"}"""u8.ToArray();

    [Fact]
    public async Task Should_be_the_message_as_received_plus_exactly_the_processing_headers()
    {
        var audit = await SpyOn("audit");
        await StartEndpoint("Sales", c => c.RegisterHandler<PlaceOrderHandler>().AuditProcessedMessagesTo("audit").UseTimeProvider(new FixedClock(FixedClock.Example)));
        var host = HostInformation.For("Sales");

        await DispatchRaw("Sales", Received(), Body);

        var copy = await audit.Next();
        var expected = new Dictionary<string, string>(Received())
        {
            ["NServiceBus.ProcessingStarted"] = FixedClock.ExampleOnTheWire,
            ["NServiceBus.ProcessingEnded"] = FixedClock.ExampleOnTheWire,
            ["NServiceBus.ProcessingEndpoint"] = "Sales",
            ["NServiceBus.ProcessingMachine"] = Environment.MachineName,
            ["$.diagnostics.hostid"] = host.HostId,
            ["$.diagnostics.hostdisplayname"] = Environment.MachineName,
        };
        Assert.Equal(expected.OrderBy(h => h.Key, StringComparer.Ordinal), copy.Headers.OrderBy(h => h.Key, StringComparer.Ordinal));
        Assert.Equal(Body, copy.Body.ToArray());
    }

    [Fact]
    public async Task Should_add_the_acknowledgement_header_to_the_copy_of_an_acknowledged_retry()
    {
        var audit = await SpyOn("audit");
        await StartEndpoint("Sales", c => c.RegisterHandler<PlaceOrderHandler>().AuditProcessedMessagesTo("audit").UseTimeProvider(new FixedClock(FixedClock.Example)));
        var retried = new Dictionary<string, string>(Received())
        {
            ["ServiceControl.Retry.UniqueMessageId"] = "f3d0b26f-4e2b-4b7a-9c53-0d1c5e0b1a11",
            ["ServiceControl.Retry.AcknowledgementQueue"] = "error",
        };

        await DispatchRaw("Sales", retried, Body);

        var headers = (await audit.Next()).Headers;
        Assert.Equal("true", headers["ServiceControl.Retry.AcknowledgementSent"]);
        Assert.Equal(retried.Count + 7, headers.Count);
    }

    private static Dictionary<string, string> Received() => new()
    {
        ["NServiceBus.MessageId"] = "order-1",
        ["NServiceBus.MessageIntent"] = "Send",
        ["NServiceBus.EnclosedMessageTypes"] = typeof(PlaceOrder).AssemblyQualifiedName!,
        ["NServiceBus.ContentType"] = "application/json",
        ["NServiceBus.CorrelationId"] = "order-1",
        ["NServiceBus.ConversationId"] = "0f8fad5b-d9cb-469f-a165-70867728950e",
        ["NServiceBus.TimeSent"] = "2024-05-01 13:45:00:000000 Z",
        ["NServiceBus.Version"] = "9.2.3",
        ["NServiceBus.OriginatingEndpoint"] = "Shop",
        ["NServiceBus.OriginatingMachine"] = "shop-1",
        ["$.diagnostics.originating.hostid"] = "5f1d0c1e2b3a4c5d6e7f8091a2b3c4d5",
        ["NServiceBus.ReplyToAddress"] = "Shop",
    };
}
