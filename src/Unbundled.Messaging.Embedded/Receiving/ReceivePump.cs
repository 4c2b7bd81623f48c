namespace Unbundled.Messaging.Embedded.Receiving;

/// <summary>
/// The loop that turns candidates into processing: it waits for a free slot, claims the file by rename (another
/// receiver may win it) and starts processing it without awaiting, for the slot it holds is what a stop waits for.
/// Idle, it scans the folder every scan interval, a safety net for files nobody was told of.
/// </summary>
internal static class ReceivePump
{
    public static async Task Run(
        QueueFolder queue, Candidates candidates, ProcessingSlots slots, ClaimedMessages messages, TimeSpan scanInterval, CancellationToken stopping)
    {
        var reader = candidates.Reader;
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                candidates.ScanIfRequested(queue);
                if (!reader.TryRead(out var candidate))
                {
                    await WaitForWork(candidates, scanInterval, stopping);
                    continue;
                }

                await slots.Take(stopping);
                // A message held in a slot file is this receiver's already; a file must be claimed from the others.
                if (candidate.Slot is null && !messages.Claims.TryClaim(candidate.FileName))
                {
                    slots.Release();
                    continue;
                }

                _ = messages.ProcessAccepted(candidate);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }

    private static async Task WaitForWork(Candidates candidates, TimeSpan scanInterval, CancellationToken stopping)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        timeout.CancelAfter(scanInterval);
        try
        {
            await candidates.Reader.WaitToReadAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!stopping.IsCancellationRequested)
        {
            candidates.RequestRescan();
        }
    }
}
