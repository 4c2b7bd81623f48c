using System.Text.Json;
using Unbundled.Messaging.AmazonSqs.Receiving;
using Unbundled.Messaging.AmazonSqs.Tests.Conformance;
using Unbundled.Messaging.TransportTests.Commands;
using Unbundled.Messaging.TransportTests.Infrastructure;
using Xunit;

namespace Unbundled.Messaging.AmazonSqs.Tests.Transport;

public sealed class When_a_delay_exceeds_what_SQS_allows : TransportTest<SqsWorld>
{
    [Fact]
    public async Task The_message_waits_in_the_delay_fifo_queue_with_its_total_delay()
    {
        // The delay queue alone, with no pump moving messages out of it.
        using var fifo = await RawQueue.Create(World.Prefix + "Receiver-delay.fifo", fifo: true);
        var sender = await StartEndpoint("Sender", c => c.SendOnly());
        var options = new SendOptions();
        options.SetDestination("Receiver");
        options.DelayDeliveryWith(TimeSpan.FromMinutes(20));

        await sender.Send(new DoSomething("much later"), options);

        var waiting = await fifo.ReceiveOne();
        Assert.Equal("1200", waiting.MessageAttributes["NServiceBus.AmazonSQS.DelaySeconds"].StringValue);
        using var envelope = JsonDocument.Parse(waiting.Body);
        Assert.True(envelope.RootElement.GetProperty("Headers").TryGetProperty(Headers.DeliverAt, out _));
    }

    [Theory]
    [InlineData(1200, 0, 1, 0, 1200)]
    [InlineData(1200, 0, 1, 300, 1200)]
    [InlineData(1200, 900, 1, 900, 300)]
    [InlineData(1200, 100, 2, 1000, 200)]
    [InlineData(600, 0, 2, 900, 0)]
    public void The_remaining_delay_counts_the_time_already_waited(int total, int firstReceivedAfter, int receiveCount, int nowAfter, int expected)
    {
        var sent = DateTimeOffset.UnixEpoch;

        var remaining = DelayedMessagesPump.Remaining(total, sent, sent.AddSeconds(firstReceivedAfter), receiveCount, sent.AddSeconds(nowAfter));

        Assert.Equal(expected, remaining);
    }
}
