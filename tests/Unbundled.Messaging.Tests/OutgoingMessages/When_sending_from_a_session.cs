using System.Text;
using Unbundled.Messaging.Tests.Commands;
using Unbundled.Messaging.Tests.Infrastructure;
using Unbundled.Messaging.Transport;

namespace Unbundled.Messaging.Tests.OutgoingMessages;

public class When_sending_from_a_session
{
    private readonly UnicastTransportOperation sent = SalesEndpoint.Factory().CreateSend(new BillOrder("o-1"), new SendOptions(), incoming: null);

    private Dictionary<string, string> Headers => sent.Message.Headers;

    [Fact]
    public void Should_go_to_the_queue_of_the_routed_endpoint() =>
        Assert.Equal("Billing", sent.Destination);

    [Fact]
    public void Should_have_a_message_id_it_is_also_correlated_by()
    {
        Assert.True(Guid.TryParse(Headers[Messaging.Headers.MessageId], out _));
        Assert.Equal(sent.Message.MessageId, Headers[Messaging.Headers.MessageId]);
        Assert.Equal(sent.Message.MessageId, Headers[Messaging.Headers.CorrelationId]);
    }

    [Fact]
    public void Should_start_a_new_conversation_with_every_message()
    {
        var another = SalesEndpoint.Factory().CreateSend(new BillOrder("o-2"), new SendOptions(), incoming: null);

        Assert.True(Guid.TryParse(Headers[Messaging.Headers.ConversationId], out _));
        Assert.NotEqual(sent.Message.MessageId, Headers[Messaging.Headers.ConversationId]);
        Assert.NotEqual(Headers[Messaging.Headers.ConversationId], another.Message.Headers[Messaging.Headers.ConversationId]);
    }

    [Fact]
    public void Should_have_the_send_intent() =>
        Assert.Equal("Send", Headers[Messaging.Headers.MessageIntent]);

    [Fact]
    public void Should_ask_for_replies_at_the_endpoint_queue() =>
        Assert.Equal("Sales", Headers[Messaging.Headers.ReplyToAddress]);

    [Fact]
    public void Should_name_its_type_assembly_qualified_and_its_content_type()
    {
        Assert.Equal(typeof(BillOrder).AssemblyQualifiedName, Headers[Messaging.Headers.EnclosedMessageTypes]);
        Assert.Equal("application/json", Headers[Messaging.Headers.ContentType]);
        Assert.Equal("""{"OrderId":"o-1"}""", Encoding.UTF8.GetString(sent.Message.Body.Span));
    }

    [Fact]
    public void Should_carry_the_time_sent_as_a_wire_date() =>
        Assert.Equal(FixedClock.ExampleOnTheWire, Headers[Messaging.Headers.TimeSent]);

    [Fact]
    public void Should_say_which_endpoint_machine_and_host_sent_it()
    {
        Assert.Equal("Sales", Headers[Messaging.Headers.OriginatingEndpoint]);
        Assert.Equal(Environment.MachineName, Headers[Messaging.Headers.OriginatingMachine]);
        Assert.Matches("^[0-9a-f]{32}$", Headers[Messaging.Headers.OriginatingHostId]);
    }

    [Fact]
    public void Should_claim_a_core_version_callbacks_accept_replies_from()
    {
        // Callbacks only insist on the Reply intent from version 5 on; anything older is matched by correlation alone.
        var version = Version.Parse(Headers[Messaging.Headers.NServiceBusVersion]);

        Assert.Matches(@"^\d+\.\d+\.\d+$", Headers[Messaging.Headers.NServiceBusVersion]);
        Assert.True(version.Major >= 5);
    }

    [Fact]
    public void Should_have_no_causation_or_delivery_headers()
    {
        Assert.False(Headers.ContainsKey(Messaging.Headers.RelatedTo));
        Assert.False(Headers.ContainsKey(Messaging.Headers.DeliverAt));
        Assert.Equal(DispatchProperties.None, sent.Properties);
    }

    [Fact]
    public void Should_keep_the_message_id_and_headers_given_in_the_options()
    {
        var options = new SendOptions();
        options.SetMessageId("order-1-billing");
        options.SetHeader("Tenant", "acme");

        var custom = SalesEndpoint.Factory().CreateSend(new BillOrder("o-1"), options, incoming: null);

        Assert.Equal("order-1-billing", custom.Message.MessageId);
        Assert.Equal("order-1-billing", custom.Message.Headers[Messaging.Headers.CorrelationId]);
        Assert.Equal("acme", custom.Message.Headers["Tenant"]);
    }
}
