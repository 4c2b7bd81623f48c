using Unbundled.Lambda.TestFunction;
using Unbundled.Lambda.TestFunction.Commands;
using Unbundled.Messaging;
using Xunit;

namespace Unbundled.Lambda.Tests.Sqs;

/// <summary>
/// The work endpoint retries twice at once and twice later, after 1 s and 2 s (WorkEndpoint): each delayed retry is the
/// record itself coming back, a batch item failure whose visibility the function set to the retry's delay
/// (docs/lambda.md#sqs-event).
/// </summary>
public sealed class When_a_batch_holds_a_poison_message
{
    [Fact]
    public async Task Should_report_only_it_as_a_batch_item_failure_until_its_retries_are_used_up_and_move_it_to_error()
    {
        // A function timeout of 30 s gives the queue a visibility timeout of 180 s: within the test the poison can only
        // come back through the visibility its delayed retries set.
        await using var work = await WorkFunction.Start(TimeSpan.FromSeconds(30));

        await work.SendThenPoll(new DoWork("good-1"), new DoWork("poison", Poison: true), new DoWork("good-2"));

        var failed = await work.Errors.Next(TimeSpan.FromSeconds(90));
        await work.UntilTheQueueIsEmpty(TimeSpan.FromSeconds(30));
        var attempts = work.AttemptsOf("poison");
        var poisonId = attempts[0].MessageId;
        var invocations = work.Invocations.ToList();
        Assert.Equal(3, invocations.Count);

        // The first batch: all three records, and only the poison reported.
        var first = invocations[0];
        Assert.Equal(3, first.Batch.Count);
        var poison = Assert.Single(first.Batch, record => record.MessageAttributes["NServiceBus.MessageId"].StringValue == poisonId);
        Assert.Equal([poison.MessageId], BatchResponses.Failures(first.Result));
        Assert.Equal(1, work.Attempts("good-1"));
        Assert.Equal(1, work.Attempts("good-2"));

        // It comes back twice, its receive count telling the function which delayed retry it is; the last one moves it to
        // error, and the record is deleted rather than reported.
        Assert.Equal("1", poison.Attributes["ApproximateReceiveCount"]);
        Assert.Equal(poison.MessageId, Assert.Single(invocations[1].Batch).MessageId);
        Assert.Equal("2", invocations[1].Batch[0].Attributes["ApproximateReceiveCount"]);
        Assert.Equal([poison.MessageId], BatchResponses.Failures(invocations[1].Result));
        Assert.Equal(poison.MessageId, Assert.Single(invocations[2].Batch).MessageId);
        Assert.Equal("3", invocations[2].Batch[0].Attributes["ApproximateReceiveCount"]);
        Assert.Empty(BatchResponses.Failures(invocations[2].Result));

        // 3 deliveries of 1 attempt and 2 immediate retries each: the handler sees the delayed retries done as on the
        // SQS transport, and each delivery begins no sooner than its delay after the last attempt of the one before.
        Assert.Equal([0, 0, 0, 1, 1, 1, 2, 2, 2], attempts.Select(attempt => attempt.DelayedRetries));
        Assert.All(attempts, attempt => Assert.Equal(poisonId, attempt.MessageId));
        Assert.True(attempts[3].At - attempts[2].At >= TimeSpan.FromSeconds(1), $"delayed retry 1 came back after {attempts[3].At - attempts[2].At}");
        Assert.True(attempts[6].At - attempts[5].At >= TimeSpan.FromSeconds(2), $"delayed retry 2 came back after {attempts[6].At - attempts[5].At}");

        // In error with its fault headers; like NServiceBus, the retry counters are taken off.
        Assert.Equal(poisonId, failed.Headers[Headers.MessageId]);
        Assert.Equal(typeof(InvalidOperationException).FullName, failed.Headers[FaultsHeaderKeys.ExceptionType]);
        Assert.Equal("Work poison is poison", failed.Headers[FaultsHeaderKeys.Message]);
        Assert.Equal(work.Transport.ToTransportAddress(new("work")), failed.Headers[FaultsHeaderKeys.FailedQ]);
        Assert.Equal(WorkEndpoint.Name, failed.Headers[Headers.ProcessingEndpoint]);
        Assert.True(failed.Headers.ContainsKey(FaultsHeaderKeys.TimeOfFailure));
        Assert.False(failed.Headers.ContainsKey(Headers.DelayedRetries));
    }
}
