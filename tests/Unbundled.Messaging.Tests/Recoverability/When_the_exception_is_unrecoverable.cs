using Unbundled.Messaging.Transport;

namespace Unbundled.Messaging.Tests.Recoverability;

public class When_the_exception_is_unrecoverable
{
    private readonly SalesRecoverability recoverability = new();

    public When_the_exception_is_unrecoverable() =>
        recoverability.Settings.Immediate(5).Delayed(3).AddUnrecoverableException(typeof(ArgumentException));

    public static TheoryData<Exception> Unrecoverable => new()
    {
        new MessageDeserializationException("The body is not a valid PlaceOrder."),
        new NoHandlerFoundException("No handlers could be found for PlaceOrder."),
        new ArgumentException("Registered as unrecoverable."),
        new ArgumentNullException("order", "Derived from a type registered as unrecoverable."),
    };

    [Theory]
    [MemberData(nameof(Unrecoverable))]
    public async Task Should_move_to_error_on_the_first_failure(Exception exception)
    {
        var result = await recoverability.Fail(exception, immediateFailures: 1);

        Assert.Equal(ErrorHandleResult.Handled, result);
        var failed = Assert.Single(recoverability.Dispatcher.Unicast);
        Assert.Equal("error", failed.Destination);
        Assert.Equal(exception.GetType().FullName, failed.Message.Headers[FaultsHeaderKeys.ExceptionType]);
    }

    [Fact]
    public async Task Should_still_retry_any_other_exception() =>
        Assert.Equal(ErrorHandleResult.RetryRequired, await recoverability.Fail(new InvalidOperationException("boom"), immediateFailures: 1));
}
