using Microsoft.Extensions.Time.Testing;
using Unbundled.Messaging.Batching;

namespace Unbundled.Messaging.Tests.Batching;

/// <summary><see cref="RequestBatcher{TItem,TResult}.PauseUnderLoad"/>: a call that carried several makes the next gather first.</summary>
public sealed class When_a_batcher_pauses_under_load
{
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(2);

    private readonly FakeTimeProvider time = new();
    private readonly List<int[]> calls = [];
    private readonly List<TaskCompletionSource> callMayEnd = [.. Enumerable.Range(0, 4).Select(_ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously))];
    private readonly List<TaskCompletionSource> callStarted = [.. Enumerable.Range(0, 4).Select(_ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously))];

    [Fact]
    public async Task Should_send_lone_requests_at_once_without_the_clock_moving()
    {
        var batcher = Batcher();
        callMayEnd.ForEach(call => call.SetResult());

        await batcher.Add(1);
        await batcher.Add(2);

        Assert.Equal([[1], [2]], calls);
    }

    [Fact]
    public async Task Should_hold_the_call_after_a_batch_of_several_until_the_pause_is_over()
    {
        var batcher = Batcher();
        var first = batcher.Add(1);
        var together = Task.WhenAll(batcher.Add(2), batcher.Add(3));
        callMayEnd[0].SetResult();
        await callStarted[1].Task;
        var afterTheBatch = Task.WhenAll(batcher.Add(4), batcher.Add(5));
        callMayEnd[1].SetResult();
        callMayEnd[2].SetResult();
        await Task.WhenAll(first, together);

        await Task.Delay(50);
        Assert.False(afterTheBatch.IsCompleted);
        time.Advance(Pause);
        await afterTheBatch;
        Assert.Equal([[1], [2, 3], [4, 5]], calls);
    }

    [Fact]
    public async Task Should_not_wait_when_a_full_batch_is_already_waiting()
    {
        var batcher = Batcher(maxBatch: 2);
        var first = batcher.Add(1);
        var rest = Enumerable.Range(2, 4).Select(item => batcher.Add(item)).ToList();
        callMayEnd.ForEach(call => call.SetResult());

        await Task.WhenAll([first, .. rest]);
        Assert.Equal([[1], [2, 3], [4, 5]], calls);
    }

    private RequestBatcher<int, bool> Batcher(int maxBatch = int.MaxValue) =>
        new(maxBatch, async batch =>
        {
            int index;
            lock (calls)
            {
                calls.Add([.. batch]);
                index = calls.Count - 1;
            }

            callStarted[index].SetResult();
            await callMayEnd[index].Task;
            return new bool[batch.Count];
        })
        {
            PauseUnderLoad = Pause,
            Time = time,
        };
}
