using Unbundled.Messaging.Transport;

namespace Unbundled.Messaging.Tests.Recoverability;

public class When_immediate_retries_remain
{
    private readonly SalesRecoverability recoverability = new();

    public When_immediate_retries_remain() => recoverability.Settings.Immediate(3).Delayed(2);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Should_ask_for_the_message_again_and_dispatch_nothing(int failures)
    {
        var result = await recoverability.Fail(new InvalidOperationException("boom"), failures);

        Assert.Equal(ErrorHandleResult.RetryRequired, result);
        Assert.Empty(recoverability.Dispatcher.Unicast);
    }

    [Fact]
    public async Task Should_stop_retrying_immediately_once_the_failures_exceed_the_retries()
    {
        var result = await recoverability.Fail(new InvalidOperationException("boom"), immediateFailures: 4);

        Assert.Equal(ErrorHandleResult.Handled, result);
        Assert.Single(recoverability.Dispatcher.Unicast);
    }
}
