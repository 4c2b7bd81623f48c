using Unbundled.Messaging.Batching;

namespace Unbundled.Messaging.Tests.Batching;

/// <summary>A stop awaits <c>WhenIdle</c> before closing the client, also for requests whose callers stopped waiting.</summary>
public sealed class When_a_stop_waits_for_a_batcher
{
    [Fact]
    public void Should_be_idle_at_once_when_nothing_is_queued()
    {
        var batcher = new RequestBatcher<int>(10, _ => Task.CompletedTask);

        Assert.True(batcher.WhenIdle().IsCompleted);
    }

    [Fact]
    public async Task Should_wait_for_the_call_in_flight_and_the_requests_queued_behind_it()
    {
        var first = new TaskCompletionSource();
        var second = new TaskCompletionSource();
        var calls = 0;
        var batcher = new RequestBatcher<int>(10, items => ++calls == 1 ? first.Task : second.Task);
        using var gaveUp = new CancellationTokenSource();
        var abandoned = batcher.Add(1, gaveUp.Token);
        _ = batcher.Add(2);
        await gaveUp.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned);

        var idle = batcher.WhenIdle();
        first.SetResult();
        await Task.Delay(50);
        Assert.False(idle.IsCompleted);

        second.SetResult();
        await idle.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(2, calls);
    }
}
