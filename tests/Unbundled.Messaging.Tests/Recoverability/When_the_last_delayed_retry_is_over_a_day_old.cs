using Unbundled.Messaging.Tests.Infrastructure;

namespace Unbundled.Messaging.Tests.Recoverability;

public class When_the_last_delayed_retry_is_over_a_day_old
{
    private readonly SalesRecoverability recoverability = new();

    public When_the_last_delayed_retry_is_over_a_day_old() => recoverability.Settings.Immediate(0).Delayed(3);

    [Fact]
    public async Task Should_move_to_error_although_delayed_retries_remain()
    {
        await recoverability.Fail(new InvalidOperationException("boom"), immediateFailures: 1, RetriedOnce(ago: TimeSpan.FromHours(25)));

        Assert.Equal("error", Assert.Single(recoverability.Dispatcher.Unicast).Destination);
    }

    [Fact]
    public async Task Should_retry_once_more_when_it_is_less_than_a_day_old()
    {
        await recoverability.Fail(new InvalidOperationException("boom"), immediateFailures: 1, RetriedOnce(ago: TimeSpan.FromHours(23)));

        var retry = Assert.Single(recoverability.Dispatcher.Unicast);
        Assert.Equal(SalesRecoverability.ReceiveAddress, retry.Destination);
        Assert.Equal("2", retry.Message.Headers[Headers.DelayedRetries]);
    }

    private static Dictionary<string, string> RetriedOnce(TimeSpan ago) => new()
    {
        [Headers.DelayedRetries] = "1",
        [Headers.DelayedRetriesTimestamp] = WireDate.ToWireFormattedString(FixedClock.Example - ago),
    };
}
