using Unbundled.Messaging.Transport;

namespace Unbundled.Messaging.Tests.Recoverability;

/// <summary>
/// Someone else's code (a bridge, a hand-edited retry) wrote retry headers that cannot be read. Like NServiceBus,
/// recoverability reads them as absent rather than failing itself, which would return the message to its queue forever.
/// </summary>
public class When_the_retry_headers_are_unreadable
{
    private readonly SalesRecoverability recoverability = new();

    public When_the_retry_headers_are_unreadable() => recoverability.Settings.Immediate(0).Delayed(3);

    [Theory]
    [InlineData("three")]
    [InlineData("")]
    [InlineData("99999999999")]
    public async Task Should_count_an_unreadable_retry_counter_as_no_retries_yet(string retries)
    {
        var result = await recoverability.Fail(new InvalidOperationException("boom"), immediateFailures: 1, new() { [Headers.DelayedRetries] = retries });

        Assert.Equal(ErrorHandleResult.Handled, result);
        var retry = Assert.Single(recoverability.Dispatcher.Unicast);
        Assert.Equal(SalesRecoverability.ReceiveAddress, retry.Destination);
        Assert.Equal("1", retry.Message.Headers[Headers.DelayedRetries]);
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("2024-05-01T13:45:07.123456Z")]
    [InlineData("")]
    public async Task Should_ignore_an_unreadable_retry_timestamp(string timestamp)
    {
        var headers = new Dictionary<string, string> { [Headers.DelayedRetries] = "1", [Headers.DelayedRetriesTimestamp] = timestamp };

        var result = await recoverability.Fail(new InvalidOperationException("boom"), immediateFailures: 1, headers);

        Assert.Equal(ErrorHandleResult.Handled, result);
        Assert.Equal("2", Assert.Single(recoverability.Dispatcher.Unicast).Message.Headers[Headers.DelayedRetries]);
    }
}
