using Unbundled.Lambda.TestFunction.Commands;
using Xunit;

namespace Unbundled.Lambda.Tests.Sqs;

public sealed class When_a_record_runs_past_the_deadline
{
    [Fact]
    public async Task Should_report_exactly_that_record_as_a_batch_item_failure_and_process_it_when_it_comes_back()
    {
        await using var work = await WorkFunction.Start(TimeSpan.FromSeconds(2));

        await work.SendThenPoll(new DoWork("quick-1"), new DoWork("stalls", Stall: true), new DoWork("quick-2"));

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (work.Attempts("stalls") < 2 || work.Invocations.Count < 2)
        {
            Assert.True(DateTime.UtcNow < deadline, "the stalled record did not come back");
            await Task.Delay(100);
        }

        var first = work.Invocations.First();
        Assert.Equal(3, first.Batch.Count);
        var stalled = Assert.Single(BatchResponses.Failures(first.Result));
        var again = work.Invocations.Skip(1).First();
        Assert.Equal(stalled, Assert.Single(again.Batch).MessageId);
        Assert.Equal("2", again.Batch[0].Attributes["ApproximateReceiveCount"]);
        Assert.Empty(BatchResponses.Failures(again.Result));
        Assert.Equal(1, work.Attempts("quick-1"));
        Assert.Equal(1, work.Attempts("quick-2"));
    }
}
