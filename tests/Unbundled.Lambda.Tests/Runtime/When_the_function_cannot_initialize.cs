using Unbundled.Lambda.Harness;
using Xunit;

namespace Unbundled.Lambda.Tests.Runtime;

public sealed class When_the_function_cannot_initialize
{
    [Fact]
    public async Task Should_report_an_init_error_and_end_the_environment()
    {
        await using var function = TestFunctions.With("fail-init");

        var result = await function.Invoke(TestFunctions.Payload("{}"));

        Assert.Equal(InvocationOutcome.InitError, result.Outcome);
        Assert.Equal("System.InvalidOperationException", result.Error!.ErrorType);
        Assert.Equal("The function's configuration is missing on purpose", result.Error.ErrorMessage);
        Assert.Equal(0, function.Environments);
    }
}
