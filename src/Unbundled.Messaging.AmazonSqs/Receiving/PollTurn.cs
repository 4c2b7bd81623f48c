namespace Unbundled.Messaging.AmazonSqs.Receiving;

/// <summary>
/// One long poll per queue at a time: the receive loops of a queue take turns, each starting its receive once the previous
/// one returned. Concurrent polls of a queue add requests, not messages: while one waits, another that finds the queue
/// empty comes back with nothing (fauxqs wakes them all for one message; SQS holds the others to their 20 s). Several
/// loops still matter: each holds its own slots, so more messages can be in flight than one receive brings.
/// </summary>
internal sealed class PollTurn : IDisposable
{
    /// <summary>How long the next poll waits after a receive that shows messages arriving faster than one per poll.</summary>
    internal static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(2);

    private readonly SemaphoreSlim turn = new(1, 1);

    public Task Take(CancellationToken cancellationToken) => turn.WaitAsync(cancellationToken);

    /// <summary>Passes the turn at once: the receive failed, or brought nothing, or was cut short.</summary>
    public void Pass() => turn.Release();

    /// <summary>
    /// Passes the turn after a receive that brought <paramref name="received"/> of the <paramref name="asked"/> messages.
    /// When it brought several but left slots free, messages arrive faster than one per poll: the next poll waits a moment so
    /// that it brings more of them, and requests per message fall as the load rises. The messages received are not held up
    /// (the caller processes them meanwhile), and a poll that brought one or none passes at once: at low load nothing waits.
    /// </summary>
    public void Pass(int received, int asked)
    {
        if (received > 1 && received < asked)
        {
            _ = PassAfter(Pause);
        }
        else
        {
            turn.Release();
        }
    }

    public void Dispose() => turn.Dispose();

    private async Task PassAfter(TimeSpan pause)
    {
        await Task.Delay(pause, CancellationToken.None);
        try
        {
            turn.Release();
        }
        catch (ObjectDisposedException)
        {
            // The receiver stopped and was disposed during the pause: no loop waits for the turn any more.
        }
    }
}
