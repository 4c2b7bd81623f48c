using Unbundled.Messaging.Transport;

namespace Unbundled.Messaging.Embedded.Receiving;

/// <summary>
/// What senders in this process reach of a running receiver (through the process's local receivers): a hint of a
/// file just written, a wake-up of delayed admission, a message file written straight into its claimed folder
/// (<see cref="TryAccept"/>) or a message handed over in memory (<see cref="TryHandOff"/>). The last two take a free
/// processing slot without waiting, or decline; none is taken once the receiver stops.
/// </summary>
internal sealed class LocalIntake(
    QueueFolder queue, ProcessingSlots slots, ClaimedMessages messages, Candidates candidates, DelayedAdmission delayed, CancellationToken stopping)
{
    public void Hint(Candidate candidate) => candidates.Hint(candidate);

    public void WakeDelayed() => delayed.Wake();

    /// <summary>
    /// Takes a message sent from this process when a slot is free: its file is written straight into this receiver's
    /// claimed folder, and processed from memory. The file is as durable as one in the queue (if this process dies, the
    /// next receiver to start returns it to the queue), but it costs no claiming rename, no turn of the pump and no
    /// watcher event. Returns false, having written nothing, when no slot is free.
    /// </summary>
    public bool TryAccept(byte[] content, bool newMessage)
    {
        if (!TryTakeSlot())
        {
            return false;
        }

        string fileName;
        try
        {
            fileName = queue.WriteInto(messages.Claims.FolderPath, content);
        }
        catch
        {
            slots.Release();
            throw;
        }

        _ = messages.ProcessAccepted(new Candidate(fileName, content, newMessage));
        return true;
    }

    /// <summary>
    /// Takes a message from a sender in this process when a slot is free, without a file: the sender's own received
    /// message is the durable record until <paramref name="processing"/> completes, and a message that cannot be consumed
    /// now (the receiver stops, recoverability fails) is written to the queue before it does.
    /// </summary>
    public bool TryHandOff(OutgoingMessage message, bool newMessage, out Task processing)
    {
        if (!TryTakeSlot())
        {
            processing = Task.CompletedTask;
            return false;
        }

        processing = messages.ProcessHandedOff(message, newMessage);
        return true;
    }

    private bool TryTakeSlot() => !stopping.IsCancellationRequested && slots.TryTake();
}
