using Unbundled.Messaging.Transport;

namespace Unbundled.Messaging.Tests.Recoverability;

/// <summary>A transport that redelivers the message itself (the Lambda shell's records) gets the delayed retries' delays.</summary>
public class When_the_transport_brings_the_message_back
{
    private readonly SalesRecoverability recoverability = new();
    private readonly List<TimeSpan> redeliveries = [];

    public When_the_transport_brings_the_message_back() =>
        recoverability.Settings.Immediate(2).Delayed(3, TimeSpan.FromSeconds(10));

    [Theory]
    [InlineData(null, 10)]
    [InlineData("1", 20)]
    [InlineData("2", 30)]
    public async Task Should_redeliver_it_after_the_delay_of_the_next_delayed_retry_and_send_no_copy(string? retriesDone, int delaySeconds)
    {
        var headers = retriesDone is null ? null : new Dictionary<string, string> { [Headers.DelayedRetries] = retriesDone };

        var result = await recoverability.Fail(new InvalidOperationException("boom"), immediateFailures: 3, headers, Redeliver);

        Assert.Equal(ErrorHandleResult.Handled, result);
        Assert.Equal(TimeSpan.FromSeconds(delaySeconds), Assert.Single(redeliveries));
        Assert.Empty(recoverability.Dispatcher.Unicast);
    }

    [Fact]
    public async Task Should_move_it_to_error_with_its_fault_headers_once_the_delayed_retries_are_used_up()
    {
        var headers = new Dictionary<string, string> { [Headers.DelayedRetries] = "3" };

        await recoverability.Fail(new InvalidOperationException("boom"), immediateFailures: 3, headers, Redeliver);

        Assert.Empty(redeliveries);
        var failed = Assert.Single(recoverability.Dispatcher.Unicast);
        Assert.Equal("error", failed.Destination);
        Assert.Equal(SalesRecoverability.ReceiveAddress, failed.Message.Headers[FaultsHeaderKeys.FailedQ]);
        Assert.False(failed.Message.Headers.ContainsKey(Headers.DelayedRetries));
    }

    [Fact]
    public async Task Should_leave_immediate_retries_to_the_transport()
    {
        var result = await recoverability.Fail(new InvalidOperationException("boom"), immediateFailures: 2, redelivery: Redeliver);

        Assert.Equal(ErrorHandleResult.RetryRequired, result);
        Assert.Empty(redeliveries);
    }

    private Task Redeliver(TimeSpan delay, CancellationToken cancellationToken)
    {
        redeliveries.Add(delay);
        return Task.CompletedTask;
    }
}
