using Unbundled.Lambda.Harness;
using Xunit;

namespace Unbundled.Lambda.Tests.Runtime;

public sealed class When_a_handler_fails
{
    [Fact]
    public async Task Should_report_an_invocation_error_and_keep_the_environment()
    {
        await using var function = TestFunctions.With("fail");

        var first = await function.Invoke(TestFunctions.Payload("{}"));
        var second = await function.Invoke(TestFunctions.Payload("{}"));

        Assert.Equal(InvocationOutcome.FunctionError, first.Outcome);
        Assert.Equal("System.InvalidOperationException", first.Error!.ErrorType);
        Assert.Equal("The handler failed on purpose", first.Error.ErrorMessage);
        Assert.NotEmpty(first.Error.StackTrace);
        Assert.True(first.ColdStart);
        Assert.False(second.ColdStart);
        Assert.Equal(1, function.Environments);
    }
}
