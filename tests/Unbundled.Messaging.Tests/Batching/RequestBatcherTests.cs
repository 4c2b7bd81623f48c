using Unbundled.Messaging.Batching;

namespace Unbundled.Messaging.Tests.Batching;

public sealed class RequestBatcherTests
{
    [Fact]
    public async Task A_lone_request_goes_at_once_alone()
    {
        var calls = new List<int[]>();
        var batcher = new RequestBatcher<int, string>(10, items => Task.FromResult(Record(calls, items)));

        Assert.Equal("1", await batcher.Add(1, CancellationToken.None));
        Assert.Equal([[1]], calls);
    }

    [Fact]
    public async Task Requests_queued_behind_a_call_in_flight_go_together_and_each_gets_its_own_result()
    {
        var calls = new List<int[]>();
        var first = new TaskCompletionSource();
        var batcher = new RequestBatcher<int, string>(10, async items =>
        {
            if (calls.Count == 0)
            {
                Record(calls, items);
                await first.Task;
                return ["1"];
            }

            return Record(calls, items);
        });

        var results = Enumerable.Range(1, 4).Select(i => batcher.Add(i, CancellationToken.None)).ToList();
        first.SetResult();

        Assert.Equal(["1", "2", "3", "4"], await Task.WhenAll(results));
        Assert.Equal([[1], [2, 3, 4]], calls);
    }

    [Fact]
    public async Task No_call_carries_more_than_the_batch_limit()
    {
        var calls = new List<int[]>();
        var first = new TaskCompletionSource();
        var batcher = new RequestBatcher<int, string>(2, async items =>
        {
            var result = Record(calls, items);
            if (calls.Count == 1)
            {
                await first.Task;
            }

            return result;
        });

        var results = Enumerable.Range(1, 6).Select(i => batcher.Add(i, CancellationToken.None)).ToList();
        first.SetResult();
        await Task.WhenAll(results);

        Assert.Equal([[1], [2, 3], [4, 5], [6]], calls);
    }

    [Fact]
    public async Task A_failed_call_fails_every_request_it_carried_and_the_next_call_still_goes()
    {
        var first = new TaskCompletionSource();
        var calls = 0;
        var batcher = new RequestBatcher<int, string>(10, async items =>
        {
            switch (++calls)
            {
                case 1:
                    await first.Task;
                    return ["1"];
                case 2:
                    throw new InvalidOperationException("the batch did not land");
                default:
                    return [.. items.Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))];
            }
        });

        var lone = batcher.Add(1, CancellationToken.None);
        var batched = new[] { batcher.Add(2, CancellationToken.None), batcher.Add(3, CancellationToken.None) };
        first.SetResult();

        Assert.Equal("1", await lone);
        foreach (var request in batched)
        {
            await Assert.ThrowsAsync<InvalidOperationException>(() => request);
        }

        Assert.Equal("4", await batcher.Add(4, CancellationToken.None));
    }

    private static string[] Record(List<int[]> calls, IReadOnlyList<int> items)
    {
        lock (calls)
        {
            calls.Add([.. items]);
        }

        return [.. items.Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))];
    }
}
