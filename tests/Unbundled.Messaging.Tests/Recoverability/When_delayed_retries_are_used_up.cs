using Unbundled.Messaging.Tests.Infrastructure;
using Unbundled.Messaging.Transport;

namespace Unbundled.Messaging.Tests.Recoverability;

public class When_delayed_retries_are_used_up
{
    private static readonly string LongMessage = new('x', 20_000);

    private readonly SalesRecoverability recoverability = new();
    private readonly InvalidOperationException failure = Thrown();

    public When_delayed_retries_are_used_up() => recoverability.Settings.Immediate(2).Delayed(3);

    [Fact]
    public async Task Should_move_the_same_message_to_the_error_queue()
    {
        var result = await recoverability.Fail(failure, immediateFailures: 3, RetriedThreeTimes());

        Assert.Equal(ErrorHandleResult.Handled, result);
        var failed = Assert.Single(recoverability.Dispatcher.Unicast);
        Assert.Equal("error", failed.Destination);
        Assert.Equal("order-1", failed.Message.MessageId);
        Assert.Equal("order-1", failed.Message.Headers[Headers.MessageId]);
        Assert.Equal(SalesRecoverability.Body, failed.Message.Body.ToArray());
        Assert.Equal(DispatchProperties.None, failed.Properties);
        Assert.Equal("acme", failed.Message.Headers["Tenant"]);
    }

    [Fact]
    public async Task Should_add_every_fault_header()
    {
        await recoverability.Fail(failure, immediateFailures: 3, RetriedThreeTimes());

        var headers = Assert.Single(recoverability.Dispatcher.Unicast).Message.Headers;
        Assert.Equal("Sales-blue", headers["NServiceBus.FailedQ"]);
        Assert.Equal("System.InvalidOperationException", headers["NServiceBus.ExceptionInfo.ExceptionType"]);
        Assert.Equal("System.FormatException", headers["NServiceBus.ExceptionInfo.InnerExceptionType"]);
        Assert.Equal("https://example.com/help/orders", headers["NServiceBus.ExceptionInfo.HelpLink"]);
        Assert.Equal(LongMessage[..16384], headers["NServiceBus.ExceptionInfo.Message"]);
        Assert.Equal("Sales.Handlers", headers["NServiceBus.ExceptionInfo.Source"]);
        Assert.Equal(failure.ToString(), headers["NServiceBus.ExceptionInfo.StackTrace"]);
        Assert.Contains("FormatException: The inner cause.", headers["NServiceBus.ExceptionInfo.StackTrace"]);
        Assert.Equal("o-1", headers["NServiceBus.ExceptionInfo.Data.OrderId"]);
        Assert.Equal("4", headers["NServiceBus.ExceptionInfo.Data.Attempt"]);
        Assert.Equal(FixedClock.ExampleOnTheWire, headers["NServiceBus.TimeOfFailure"]);
        Assert.Equal("SALES-MACHINE", headers["NServiceBus.ProcessingMachine"]);
        Assert.Equal("Sales", headers["NServiceBus.ProcessingEndpoint"]);
        Assert.Equal("00112233445566778899aabbccddeeff", headers["$.diagnostics.hostid"]);
        Assert.Equal("sales-container-7", headers["$.diagnostics.hostdisplayname"]);
    }

    [Fact]
    public async Task Should_leave_out_the_fault_headers_the_exception_has_no_value_for()
    {
        await recoverability.Fail(new InvalidOperationException("plain") { Data = { ["Nothing"] = null } }, immediateFailures: 3, RetriedThreeTimes());

        var headers = Assert.Single(recoverability.Dispatcher.Unicast).Message.Headers;
        Assert.Equal("plain", headers[FaultsHeaderKeys.Message]);
        Assert.False(headers.ContainsKey(FaultsHeaderKeys.InnerExceptionType));
        Assert.False(headers.ContainsKey(FaultsHeaderKeys.HelpLink));
        Assert.False(headers.ContainsKey(FaultsHeaderKeys.Source));
        Assert.False(headers.ContainsKey(FaultsHeaderKeys.ExceptionDataPrefix + "Nothing"));
    }

    [Fact]
    public async Task Should_remove_the_retry_counters()
    {
        await recoverability.Fail(failure, immediateFailures: 3, RetriedThreeTimes());

        var headers = Assert.Single(recoverability.Dispatcher.Unicast).Message.Headers;
        Assert.False(headers.ContainsKey("NServiceBus.Retries"));
        Assert.False(headers.ContainsKey("NServiceBus.FLRetries"));
    }

    private static Dictionary<string, string> RetriedThreeTimes() => new()
    {
        [Headers.DelayedRetries] = "3",
        [Headers.DelayedRetriesTimestamp] = WireDate.ToWireFormattedString(FixedClock.Example.AddSeconds(-30)),
        [Headers.ImmediateRetries] = "2",
        ["Tenant"] = "acme",
    };

    private static InvalidOperationException Thrown()
    {
        try
        {
            try
            {
                throw new FormatException("The inner cause.");
            }
            catch (FormatException inner)
            {
                throw new InvalidOperationException(LongMessage, inner)
                {
                    HelpLink = "https://example.com/help/orders",
                    Source = "Sales.Handlers",
                    Data = { ["OrderId"] = "o-1", ["Attempt"] = 4, ["Nothing"] = null },
                };
            }
        }
        catch (InvalidOperationException thrown)
        {
            return thrown;
        }
    }
}
