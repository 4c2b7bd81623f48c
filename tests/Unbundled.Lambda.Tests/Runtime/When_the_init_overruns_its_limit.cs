using Unbundled.Lambda.Harness;
using Xunit;

namespace Unbundled.Lambda.Tests.Runtime;

public sealed class When_the_init_overruns_its_limit
{
    [Fact]
    public async Task Should_report_an_init_error_and_end_the_environment()
    {
        // A short limit of its own: this function's init never ends, whatever the machine's load.
        await using var function = TestFunctions.With("never-initializes", initTimeout: TimeSpan.FromSeconds(2));

        var result = await function.Invoke(TestFunctions.Payload("{}"));

        Assert.Equal(InvocationOutcome.InitError, result.Outcome);
        Assert.Equal("Init timed out", result.Error!.ErrorMessage);
        Assert.Equal(0, function.Environments);
    }
}
