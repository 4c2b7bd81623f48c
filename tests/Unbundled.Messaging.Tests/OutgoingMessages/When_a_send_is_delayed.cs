using Unbundled.Messaging.Tests.Commands;
using Unbundled.Messaging.Tests.Infrastructure;
using Unbundled.Messaging.Transport;

namespace Unbundled.Messaging.Tests.OutgoingMessages;

public class When_a_send_is_delayed
{
    [Fact]
    public void Should_deliver_at_now_plus_the_delay()
    {
        var options = new SendOptions();
        options.DelayDeliveryWith(TimeSpan.FromSeconds(30));

        var sent = SalesEndpoint.Factory().CreateSend(new BillOrder("o-1"), options, incoming: null);

        Assert.Equal("2024-05-01 13:45:37:123456 Z", sent.Message.Headers[Headers.DeliverAt]);
        Assert.Equal(new DispatchProperties { DelayDeliveryWith = TimeSpan.FromSeconds(30) }, sent.Properties);
    }

    [Fact]
    public void Should_deliver_at_the_given_time_in_utc()
    {
        var at = new DateTimeOffset(2024, 5, 2, 10, 0, 0, TimeSpan.FromHours(2));
        var options = new SendOptions();
        options.DoNotDeliverBefore(at);

        var sent = SalesEndpoint.Factory().CreateSend(new BillOrder("o-1"), options, incoming: null);

        Assert.Equal("2024-05-02 08:00:00:000000 Z", sent.Message.Headers[Headers.DeliverAt]);
        Assert.Equal(new DispatchProperties { DoNotDeliverBefore = at }, sent.Properties);
    }

    [Fact]
    public void Should_keep_the_time_sent_at_now()
    {
        var options = new SendOptions();
        options.DelayDeliveryWith(TimeSpan.FromMinutes(5));

        var sent = SalesEndpoint.Factory().CreateSend(new BillOrder("o-1"), options, incoming: null);

        Assert.Equal(FixedClock.ExampleOnTheWire, sent.Message.Headers[Headers.TimeSent]);
    }
}
