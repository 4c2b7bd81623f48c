using Microsoft.Extensions.Logging;
using Unbundled.Messaging.Transport;

namespace Unbundled.Messaging.Embedded.Receiving;

/// <summary>
/// The messages of one receiver run, each holding a processing slot until settled: a claimed or accepted file is
/// processed (from the content it came with, or read back), then recycled when consumed, put back when cancelled, or
/// put back and hinted again when recoverability failed; a message handed over in memory is written to the queue when
/// it could not be consumed.
/// </summary>
internal sealed class ClaimedMessages(
    QueueFolder queue,
    QueueFolder errorQueue,
    InflightClaims claims,
    ProcessingSlots slots,
    ImmediateRetries retries,
    Candidates candidates,
    ILogger logger,
    CancellationToken handlersCancelled)
{
    private volatile bool abandoned;

    public InflightClaims Claims => claims;

    /// <summary>The stop gave up on the handlers still running: their files go back to the queue, not theirs to settle.</summary>
    public void Abandon() => abandoned = true;

    /// <summary>Processes a message whose slot is taken and whose file is claimed; nobody awaits it, so failures are logged.</summary>
    public async Task ProcessAccepted(Candidate candidate)
    {
        try
        {
            await Task.Yield();
            try
            {
                await ProcessClaimed(candidate);
            }
            finally
            {
                slots.Release();
            }
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "{File} in {Queue} could not be settled; it stays claimed until this receiver stops", candidate.FileName, queue.Name);
        }
    }

    /// <summary>Processes a message handed over in memory whose slot is taken; completes once it is consumed or stored.</summary>
    public async Task ProcessHandedOff(OutgoingMessage message, bool newMessage, bool elsewhere)
    {
        try
        {
            if (elsewhere)
            {
                await Task.Yield();
            }

            var outcome = await retries.Process(message.MessageId, message.Headers, message.Body, newMessage, handlersCancelled);
            if (outcome != ProcessingOutcome.Consumed)
            {
                StoreInQueue(MessageFile.Format(message.Headers, message.Body.Span));
            }
        }
        finally
        {
            slots.Release();
        }
    }

    private async Task ProcessClaimed(Candidate candidate)
    {
        if (candidate.Slot is { } slot)
        {
            await ProcessHeld(candidate, slot);
            return;
        }

        var fileName = candidate.FileName;
        var content = candidate.Content ?? await File.ReadAllBytesAsync(claims.PathOf(fileName), CancellationToken.None);
        if (Read(candidate, content) is not { } message)
        {
            logger.LogError("{File} in {Queue} is not a message file; moved as it is to {ErrorQueue}", fileName, queue.Name, errorQueue.Name);
            errorQueue.Admit(claims.PathOf(fileName));
            return;
        }

        var outcome = await retries.Process(fileName, message.Headers, message.Body, candidate.New, handlersCancelled);
        if (abandoned)
        {
            return;
        }

        switch (outcome)
        {
            case ProcessingOutcome.Consumed:
                claims.Complete(fileName);
                break;
            case ProcessingOutcome.Cancelled:
                claims.Release(fileName);
                break;
            case ProcessingOutcome.RecoverabilityFailed:
                candidates.Hint(new Candidate(claims.Release(fileName)));
                break;
        }
    }

    /// <summary>
    /// A message a slot file holds: the slot is freed once it is consumed, or once it is stored in the queue (cancelled,
    /// recoverability failed); the sender formatted it, so it is a message file's content.
    /// </summary>
    private async Task ProcessHeld(Candidate candidate, SlotFile slot)
    {
        var content = candidate.Content!;
        var message = Read(candidate, content)
            ?? throw new InvalidOperationException($"A message handed to {queue.Name} from this process is not a message file's content.");
        var outcome = await retries.Process(candidate.FileName, message.Headers, message.Body, candidate.New, handlersCancelled);
        if (abandoned)
        {
            return;
        }

        if (outcome != ProcessingOutcome.Consumed)
        {
            StoreInQueue(content);
        }

        claims.Slots.Release(slot);
    }

    /// <summary>A message not consumed now and held by no file of its own: written to the queue and hinted to the pump.</summary>
    private void StoreInQueue(byte[] content)
    {
        if (queue.Write(content, TimeSpan.Zero) is { } stored)
        {
            candidates.Hint(new Candidate(stored));
        }
    }

    /// <summary>The headers and body: as the sender in this process made them, or parsed from the file's content.</summary>
    private static (IReadOnlyDictionary<string, string> Headers, ReadOnlyMemory<byte> Body)? Read(Candidate candidate, byte[] content) =>
        candidate.Message is { } sent ? (sent.Headers, sent.Body) : MessageFile.TryRead(content) is { } read ? (read.Headers, read.Body) : null;
}
