using Unbundled.Lambda.TestFunction.Commands;
using Unbundled.Messaging;
using Xunit;

namespace Unbundled.Lambda.Tests.Sqs;

public sealed class When_a_batch_holds_a_poison_message
{
    [Fact]
    public async Task Should_process_the_others_once_and_move_it_to_error_after_its_retries()
    {
        await using var work = await WorkFunction.Start(TimeSpan.FromSeconds(5));

        await work.SendThenPoll(new DoWork("good-1"), new DoWork("poison", Poison: true), new DoWork("good-2"));

        var failed = await work.Errors.Next(TimeSpan.FromSeconds(60));
        Assert.Equal(typeof(InvalidOperationException).FullName, failed.Headers[FaultsHeaderKeys.ExceptionType]);
        Assert.Equal("Work poison is poison", failed.Headers[FaultsHeaderKeys.Message]);
        Assert.Equal(work.Transport.ToTransportAddress(new("work")), failed.Headers[FaultsHeaderKeys.FailedQ]);
        // 1 delivery and 2 immediate retries, in the invocation; then 1 delayed retry that does the same.
        Assert.Equal(6, work.Attempts("poison"));
        Assert.Equal(1, work.Attempts("good-1"));
        Assert.Equal(1, work.Attempts("good-2"));
        var first = work.Invocations.First();
        Assert.Equal(3, first.Batch.Count);
        Assert.True(first.Result.Succeeded);
        Assert.All(work.Invocations, invocation => Assert.Empty(BatchResponses.Failures(invocation.Result)));
    }
}
