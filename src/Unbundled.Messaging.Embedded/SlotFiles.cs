using System.Collections.Concurrent;

namespace Unbundled.Messaging.Embedded;

/// <summary>
/// The slot files of one receiver's claimed folder (<see cref="CountFor"/>): a sender in this process writes the message
/// it hands the receiver into a free one (<see cref="Receiving.LocalIntake.TryAccept"/>) instead of creating, renaming
/// and recycling a message file. The message is as durable as a claimed file (if the process dies, the next receiver to
/// start puts it back in the queue), for two positional writes and a one-byte one when it is consumed, where a file
/// cost three renames, an open and a close (docs/embedded-slot-files.md).
/// </summary>
internal sealed class SlotFiles : IDisposable
{
    private readonly ConcurrentStack<SlotFile> free = new();
    private readonly SlotFile[] all;

    public SlotFiles(string folder, int count)
    {
        all = [.. Enumerable.Range(0, count).Select(i => new SlotFile(Path.Combine(folder, $"slot-{i}{SlotFile.Extension}")))];
        free.PushRange(all);
    }

    /// <summary>
    /// One per processing slot, and as many again for messages waiting for one: a receiver in this process is often full
    /// for a moment (a message keeps its slot until what it sent was processed), and a message waiting in a slot file costs
    /// no file in the queue, which the receiver would claim back by rename.
    /// </summary>
    public static int CountFor(int processingSlots) => 2 * processingSlots;

    /// <summary>Writes <paramref name="content"/> into a free slot; false, having written nothing, when none is free.</summary>
    public bool TryWrite(byte[] content, out SlotFile slot)
    {
        if (!free.TryPop(out slot!))
        {
            return false;
        }

        try
        {
            slot.Write(content);
            return true;
        }
        catch
        {
            free.Push(slot);
            throw;
        }
    }

    /// <summary>Frees a slot whose message was consumed or stored elsewhere.</summary>
    public void Release(SlotFile slot)
    {
        slot.MarkFree();
        free.Push(slot);
    }

    /// <summary>Closes the slot files; what they still hold stays in them for <see cref="HeldIn"/>.</summary>
    public void Dispose()
    {
        foreach (var slot in all)
        {
            slot.Dispose();
        }
    }

    /// <summary>The messages the slot files of a claimed folder still hold.</summary>
    public static IEnumerable<byte[]> HeldIn(string folder) =>
        Directory.EnumerateFiles(folder, "*" + SlotFile.Extension).Select(SlotFile.ReadHeld).OfType<byte[]>();
}
