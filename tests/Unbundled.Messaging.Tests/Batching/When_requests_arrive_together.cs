using Unbundled.Messaging.Batching;

namespace Unbundled.Messaging.Tests.Batching;

public sealed class When_requests_arrive_together
{
    private readonly List<List<int>> batches = [];
    private readonly TaskCompletionSource firstBatchMayEnd = new(TaskCreationOptions.RunContinuationsAsynchronously);

    [Fact]
    public async Task Should_write_the_first_at_once_and_those_arriving_meanwhile_in_one_batch()
    {
        var batcher = new RequestBatcher<int>(int.MaxValue, WriteHoldingTheFirstBatch);

        var first = batcher.Add(1);
        var second = batcher.Add(2);
        var third = batcher.Add(3);
        Assert.False(first.IsCompleted);
        firstBatchMayEnd.SetResult();
        await Task.WhenAll(first, second, third);

        Assert.Equal([[1], [2, 3]], batches);
    }

    [Fact]
    public async Task Should_complete_a_write_only_once_its_own_batch_is_written()
    {
        var batcher = new RequestBatcher<int>(int.MaxValue, WriteHoldingTheFirstBatch);

        var first = batcher.Add(1);
        var second = batcher.Add(2);
        await Task.Delay(50);

        Assert.False(second.IsCompleted);
        firstBatchMayEnd.SetResult();
        await second;
        Assert.Contains([2], batches);
    }

    [Fact]
    public async Task Should_fail_every_write_of_a_failed_batch_and_go_on_with_the_next()
    {
        var calls = 0;
        var batcher = new RequestBatcher<int>(int.MaxValue, async batch =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                await firstBatchMayEnd.Task;
                return;
            }

            throw new InvalidOperationException($"batch of {batch.Count} failed");
        });

        var first = batcher.Add(1);
        var second = batcher.Add(2);
        var third = batcher.Add(3);
        firstBatchMayEnd.SetResult();
        await first;

        Assert.Equal("batch of 2 failed", (await Assert.ThrowsAsync<InvalidOperationException>(() => second)).Message);
        await Assert.ThrowsAsync<InvalidOperationException>(() => third);
        await Assert.ThrowsAsync<InvalidOperationException>(() => batcher.Add(4));
    }

    private async Task WriteHoldingTheFirstBatch(IReadOnlyList<int> batch)
    {
        lock (batches)
        {
            batches.Add([.. batch]);
        }

        if (batch.Contains(1))
        {
            await firstBatchMayEnd.Task;
        }
    }
}
