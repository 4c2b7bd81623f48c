using System.Collections.Concurrent;
using System.Threading.Channels;

namespace Unbundled.Messaging.TransportTests.Infrastructure;

/// <summary>What handlers saw during a scenario; handlers get it from DI and the test awaits it.</summary>
public sealed class Observations
{
    private readonly Channel<Observed> observed = Channel.CreateUnbounded<Observed>();
    private readonly ConcurrentDictionary<string, int> attempts = new();
    private readonly TaskCompletionSource stalled = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int running;
    private int maxRunning;

    /// <summary>The most handlers that were inside <see cref="Running"/> at once.</summary>
    public int MaxConcurrentlyRunning => Volatile.Read(ref maxRunning);

    /// <summary>What stalling handlers wait on, whatever their token says, until <see cref="LetGo"/>.</summary>
    public Task Stalled => stalled.Task;

    public void LetGo() => stalled.TrySetResult();

    public int AttemptsOf(string key) => attempts.GetValueOrDefault(key);

    /// <summary>Counts an attempt at processing <paramref name="key"/>; returns the attempt number (1-based).</summary>
    public int CountAttempt(string key) => attempts.AddOrUpdate(key, 1, (_, count) => count + 1);

    public void Record(object message, IMessageHandlerContext context, EndpointLabel endpoint) =>
        observed.Writer.TryWrite(new Observed(message, new Dictionary<string, string>(context.MessageHeaders), endpoint.Value));

    /// <summary>Marks a handler as running until the returned scope is disposed.</summary>
    public IDisposable Running()
    {
        var now = Interlocked.Increment(ref running);
        int seen;
        while (now > (seen = Volatile.Read(ref maxRunning)) && Interlocked.CompareExchange(ref maxRunning, now, seen) != seen)
        {
        }

        return new RunningScope(this);
    }

    public async Task<Observed> Next(TimeSpan? timeout = null)
    {
        using var cancellation = new CancellationTokenSource(timeout ?? Scenario.Timeout);
        return await observed.Reader.ReadAsync(cancellation.Token);
    }

    public async Task<IReadOnlyList<Observed>> Take(int count, TimeSpan? timeout = null)
    {
        var result = new List<Observed>();
        while (result.Count < count)
        {
            result.Add(await Next(timeout));
        }

        return result;
    }

    /// <summary>True when nothing more arrives within <paramref name="quietPeriod"/>.</summary>
    public async Task<bool> NothingMoreWithin(TimeSpan quietPeriod)
    {
        using var cancellation = new CancellationTokenSource(quietPeriod);
        try
        {
            await observed.Reader.WaitToReadAsync(cancellation.Token);
            return false;
        }
        catch (OperationCanceledException)
        {
            return true;
        }
    }

    private sealed class RunningScope(Observations observations) : IDisposable
    {
        public void Dispose() => Interlocked.Decrement(ref observations.running);
    }
}
