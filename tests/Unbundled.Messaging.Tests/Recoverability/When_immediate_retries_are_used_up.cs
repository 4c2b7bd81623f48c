using Unbundled.Messaging.Tests.Infrastructure;
using Unbundled.Messaging.Transport;

namespace Unbundled.Messaging.Tests.Recoverability;

public class When_immediate_retries_are_used_up
{
    private readonly SalesRecoverability recoverability = new();

    public When_immediate_retries_are_used_up() =>
        recoverability.Settings.Immediate(2).Delayed(3, TimeSpan.FromSeconds(10));

    [Theory]
    [InlineData(null, "1", 10)]
    [InlineData("1", "2", 20)]
    [InlineData("2", "3", 30)]
    public async Task Should_send_delayed_retry_n_after_n_times_the_increase(string? retriesDone, string retry, int delaySeconds)
    {
        var headers = retriesDone is null ? null : new Dictionary<string, string> { [Headers.DelayedRetries] = retriesDone };

        var result = await recoverability.Fail(new InvalidOperationException("boom"), immediateFailures: 3, headers);

        Assert.Equal(ErrorHandleResult.Handled, result);
        var sent = Assert.Single(recoverability.Dispatcher.Unicast);
        Assert.Equal(retry, sent.Message.Headers[Headers.DelayedRetries]);
        Assert.Equal(new DispatchProperties { DelayDeliveryWith = TimeSpan.FromSeconds(delaySeconds) }, sent.Properties);
    }

    [Fact]
    public async Task Should_send_the_same_message_back_to_the_queue_it_failed_in()
    {
        var headers = new Dictionary<string, string> { ["Tenant"] = "acme", [Headers.TimeSent] = "2024-05-01 13:00:00:000000 Z" };

        await recoverability.Fail(new InvalidOperationException("boom"), immediateFailures: 3, headers);

        var sent = Assert.Single(recoverability.Dispatcher.Unicast);
        Assert.Equal(SalesRecoverability.ReceiveAddress, sent.Destination);
        Assert.Equal("order-1", sent.Message.MessageId);
        Assert.Equal("order-1", sent.Message.Headers[Headers.MessageId]);
        Assert.Equal(SalesRecoverability.Body, sent.Message.Body.ToArray());
        Assert.Equal("acme", sent.Message.Headers["Tenant"]);
        Assert.Equal("2024-05-01 13:00:00:000000 Z", sent.Message.Headers[Headers.TimeSent]);
    }

    [Fact]
    public async Task Should_stamp_the_retry_with_the_time_it_was_sent()
    {
        await recoverability.Fail(new InvalidOperationException("boom"), immediateFailures: 3);

        var sent = Assert.Single(recoverability.Dispatcher.Unicast);
        Assert.Equal(FixedClock.ExampleOnTheWire, sent.Message.Headers[Headers.DelayedRetriesTimestamp]);
    }

    [Fact]
    public async Task Should_add_no_fault_headers_to_a_retry()
    {
        await recoverability.Fail(new InvalidOperationException("boom"), immediateFailures: 3);

        var sent = Assert.Single(recoverability.Dispatcher.Unicast);
        Assert.DoesNotContain(sent.Message.Headers.Keys, key => key.StartsWith("NServiceBus.ExceptionInfo.", StringComparison.Ordinal));
        Assert.False(sent.Message.Headers.ContainsKey(FaultsHeaderKeys.FailedQ));
    }

    [Fact]
    public async Task Should_move_to_error_instead_when_the_transport_cannot_delay_messages()
    {
        var withoutDelays = new SalesRecoverability { TransportSupportsDelayedDelivery = false };

        await withoutDelays.Fail(new InvalidOperationException("boom"), immediateFailures: 6);

        Assert.Equal("error", Assert.Single(withoutDelays.Dispatcher.Unicast).Destination);
    }
}
