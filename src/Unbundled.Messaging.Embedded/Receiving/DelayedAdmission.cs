using System.Threading.Channels;

namespace Unbundled.Messaging.Embedded.Receiving;

/// <summary>
/// Moves a queue's delayed messages (<c>.delayed</c>, named by their due time) into the queue once due, as the SQS
/// transport's <c>DelayedMessagesPump</c> moves them out of the <c>-delay.fifo</c> queue. It sleeps until the next due
/// time, at most a scan interval, and a delayed send from this process wakes it at once. Another receiver of the queue
/// may admit a message first; then this one finds it gone.
/// </summary>
internal sealed class DelayedAdmission(QueueFolder queue, Candidates candidates, TimeProvider time, TimeSpan scanInterval)
{
    private readonly Channel<bool> wakeUps = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Wake() => wakeUps.Writer.TryWrite(true);

    public async Task Run(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            var next = AdmitDue();
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(stopping);
            // The next due time may pass while this loop runs (a loaded machine): a negative wait would throw and end the pump.
            var untilNext = next is { } due ? due - time.GetUtcNow() : scanInterval;
            wait.CancelAfter(TimeSpan.FromTicks(Math.Clamp(untilNext.Ticks, 0, scanInterval.Ticks)));
            try
            {
                await wakeUps.Reader.ReadAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
            }
        }
    }

    /// <summary>Moves due delayed messages into the queue; returns when the next one is due.</summary>
    private DateTimeOffset? AdmitDue()
    {
        DateTimeOffset? next = null;
        var now = time.GetUtcNow();
        foreach (var path in Directory.EnumerateFiles(queue.DelayedPath, "*" + QueueFolder.Extension))
        {
            var due = QueueFolder.DueTimeOf(Path.GetFileName(path));
            if (due > now)
            {
                next = next is null || due < next ? due : next;
                continue;
            }

            try
            {
                candidates.Hint(new Candidate(queue.Admit(path)));
            }
            catch (FileNotFoundException)
            {
                // Another receiver of this queue admitted it first.
            }
        }

        return next;
    }
}
