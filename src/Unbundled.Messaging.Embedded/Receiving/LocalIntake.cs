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
    /// Takes a message sent from this process into one of this receiver's slot files, and processes it from memory: at
    /// once when a processing slot is free, or else when the pump finds one, as a claimed message waiting its turn. It is
    /// as durable as a message in the queue (if this process dies, the next receiver to start returns it to the queue),
    /// but it costs no file of its own, no rename and no watcher event. With every slot file taken, a free processing slot
    /// still takes it as a file straight into the claimed folder. Returns false, having written nothing, when neither is
    /// free: the sender writes it into the queue.
    /// </summary>
    public bool TryAccept(OutgoingMessage message, byte[] content, bool newMessage)
    {
        if (stopping.IsCancellationRequested)
        {
            return false;
        }

        if (!slots.TryTake())
        {
            return TryHold(message, content, newMessage);
        }

        Candidate accepted;
        try
        {
            accepted = messages.Claims.Slots.TryWrite(content, out var slot)
                ? new Candidate(QueueFolder.NewFileName(), content, newMessage, slot, message)
                : new Candidate(queue.WriteInto(messages.Claims.FolderPath, content), content, newMessage, Message: message);
        }
        catch
        {
            slots.Release();
            throw;
        }

        _ = messages.ProcessAccepted(accepted);
        return true;
    }

    /// <summary>
    /// Takes a message from a sender in this process when a slot is free, without a file: the sender's own received
    /// message is the durable record until <paramref name="processing"/> completes, and a message that cannot be consumed
    /// now (the receiver stops, recoverability fails) is written to the queue before it does.
    /// </summary>
    public bool TryHandOff(OutgoingMessage message, bool newMessage, bool elsewhere, out Task processing)
    {
        if (!TryTakeSlot())
        {
            processing = Task.CompletedTask;
            return false;
        }

        processing = messages.ProcessHandedOff(message, newMessage, elsewhere);
        return true;
    }

    private bool TryTakeSlot() => !stopping.IsCancellationRequested && slots.TryTake();

    /// <summary>Holds a message in a slot file for the pump, which processes it when a processing slot frees.</summary>
    private bool TryHold(OutgoingMessage message, byte[] content, bool newMessage)
    {
        var files = messages.Claims.Slots;
        if (!files.TryWrite(content, out var slot))
        {
            return false;
        }

        if (candidates.TryHint(new Candidate(QueueFolder.NewFileName(), content, newMessage, slot, message)))
        {
            return true;
        }

        files.Release(slot);
        return false;
    }
}
