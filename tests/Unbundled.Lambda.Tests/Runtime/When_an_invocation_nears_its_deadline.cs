using System.Text.Json;
using Unbundled.Lambda.Harness;
using Unbundled.Lambda.Runtime;
using Xunit;

namespace Unbundled.Lambda.Tests.Runtime;

public sealed class When_an_invocation_nears_its_deadline
{
    private static readonly TimeSpan FunctionTimeout = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task Should_give_the_handler_the_deadline_from_the_headers()
    {
        await using var function = TestFunctions.With("echo", FunctionTimeout);
        var invokedAt = DateTimeOffset.UtcNow;

        var result = await function.Invoke(TestFunctions.Payload("""{"n":1}"""));
        var answeredAt = DateTimeOffset.UtcNow;

        // The timeout runs from when the process takes the invocation: a cold start's init is not part of it.
        using var answer = JsonDocument.Parse(result.Payload);
        var deadline = DateTimeOffset.FromUnixTimeMilliseconds(answer.RootElement.GetProperty("deadlineMs").GetInt64());
        Assert.InRange(deadline, invokedAt + FunctionTimeout - TimeSpan.FromMilliseconds(5), answeredAt + FunctionTimeout + TimeSpan.FromMilliseconds(5));
        Assert.Equal(1, answer.RootElement.GetProperty("payload").GetProperty("n").GetInt32());
    }

    [Fact]
    public async Task Should_cancel_the_handler_in_time_to_report_the_error()
    {
        await using var function = TestFunctions.With("wait-for-deadline", FunctionTimeout);

        var result = await function.Invoke(TestFunctions.Payload("{}"));

        Assert.Equal(InvocationOutcome.FunctionError, result.Outcome);
        Assert.Equal(typeof(TaskCanceledException).FullName, result.Error!.ErrorType);
        Assert.True(result.Duration < FunctionTimeout + TimeSpan.FromSeconds(2), $"answered after {result.Duration}");
        Assert.True(result.Duration >= FunctionTimeout - LambdaRuntime.DeadlineMargin - TimeSpan.FromSeconds(1), $"cancelled already after {result.Duration}");
        Assert.Equal(1, function.Environments);
    }

    [Fact]
    public async Task Should_time_out_and_start_a_new_environment_when_the_handler_ignores_it()
    {
        await using var function = TestFunctions.With("ignore-deadline", FunctionTimeout);

        var first = await function.Invoke(TestFunctions.Payload("{}"));
        var second = await function.Invoke(TestFunctions.Payload("{}"));

        Assert.Equal(InvocationOutcome.TimedOut, first.Outcome);
        Assert.Equal("Sandbox.Timedout", first.Error!.ErrorType);
        Assert.StartsWith("Task timed out after 3.00 seconds", first.Error.ErrorMessage, StringComparison.Ordinal);
        Assert.True(second.ColdStart);
        Assert.Equal(InvocationOutcome.TimedOut, second.Outcome);
    }
}
