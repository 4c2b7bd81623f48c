using Unbundled.Messaging.Batching;

namespace Unbundled.Messaging.Tests.Batching;

public sealed class RequestBatcherAddAllTests
{
    [Fact]
    public async Task A_lone_request_goes_at_once_alone()
    {
        var calls = new List<int[]>();
        var batcher = new RequestBatcher<int>(10, items => Record(calls, items));

        await batcher.AddAll([1], CancellationToken.None);

        Assert.Equal([[1]], calls);
    }

    [Fact]
    public async Task Requests_queued_behind_a_call_in_flight_go_together_one_dispatch_s_items_side_by_side()
    {
        var calls = new List<int[]>();
        var first = new TaskCompletionSource();
        var batcher = new RequestBatcher<int>(4, async items =>
        {
            await Record(calls, items);
            if (calls.Count == 1)
            {
                await first.Task;
            }
        });

        var sends = new[]
        {
            batcher.AddAll([1], CancellationToken.None),
            batcher.AddAll([2, 3], CancellationToken.None),
            batcher.AddAll([4, 5, 6], CancellationToken.None),
        };
        first.SetResult();
        await Task.WhenAll(sends);

        Assert.Equal([[1], [2, 3, 4, 5], [6]], calls);
    }

    [Fact]
    public async Task A_failed_call_fails_every_dispatch_it_carried_and_the_next_call_still_goes()
    {
        var first = new TaskCompletionSource();
        var calls = 0;
        var batcher = new RequestBatcher<int>(10, async _ =>
        {
            switch (++calls)
            {
                case 1:
                    await first.Task;
                    break;
                case 2:
                    throw new InvalidOperationException("the batch did not go");
            }
        });

        var lone = batcher.AddAll([1], CancellationToken.None);
        var batched = new[] { batcher.AddAll([2], CancellationToken.None), batcher.AddAll([3, 4], CancellationToken.None) };
        first.SetResult();

        await lone;
        foreach (var dispatch in batched)
        {
            await Assert.ThrowsAsync<InvalidOperationException>(() => dispatch);
        }

        await batcher.AddAll([5], CancellationToken.None);
        Assert.Equal(3, calls);
    }

    private static Task Record(List<int[]> calls, IReadOnlyList<int> items)
    {
        lock (calls)
        {
            calls.Add([.. items]);
        }

        return Task.CompletedTask;
    }
}
