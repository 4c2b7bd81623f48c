using Unbundled.Messaging.Tests.Commands;
using Unbundled.Messaging.Transport;

namespace Unbundled.Messaging.Tests.OutgoingMessages;

public class When_a_send_has_a_time_to_be_received
{
    [Fact]
    public void Should_carry_it_as_header_and_dispatch_property()
    {
        var options = new SendOptions();
        options.SetTimeToBeReceived(TimeSpan.FromSeconds(40));

        var sent = SalesEndpoint.Factory().CreateSend(new BillOrder("o-1"), options, incoming: null);

        Assert.Equal("00:00:40", sent.Message.Headers[Headers.TimeToBeReceived]);
        Assert.Equal(new DispatchProperties { DiscardIfNotReceivedBefore = TimeSpan.FromSeconds(40) }, sent.Properties);
    }

    [Fact]
    public void Should_refuse_a_delay_as_NServiceBus_does()
    {
        var options = new SendOptions();
        options.SetTimeToBeReceived(TimeSpan.FromMinutes(1));
        options.DelayDeliveryWith(TimeSpan.FromSeconds(5));

        var error = Assert.Throws<InvalidOperationException>(() => SalesEndpoint.Factory().CreateSend(new BillOrder("o-1"), options, incoming: null));

        Assert.Contains("time-to-be-received", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_refuse_a_time_that_is_not_positive()
    {
        var options = new SendOptions();

        Assert.Throws<ArgumentOutOfRangeException>(() => options.SetTimeToBeReceived(TimeSpan.Zero));
    }
}
