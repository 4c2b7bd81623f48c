using System.Buffers.Binary;
using Microsoft.Win32.SafeHandles;

namespace Unbundled.Messaging.Embedded;

/// <summary>
/// One file of a receiver's claimed folder that is written over in place, kept open for the receiver's run, holding at
/// most one message (<see cref="SlotFiles"/>). Byte 0 says whether it holds one (<c>1</c>) or not (<c>0</c>, or an empty
/// file); bytes 1–4 are the length of the content that follows (little-endian); the content is a message file's bytes,
/// and whatever a longer earlier message left after it is ignored. A message is written first and marked held after,
/// by a one-byte write, so a process killed half-way through leaves a slot that holds nothing, never half a message
/// (docs/embedded-slot-files.md).
/// </summary>
internal sealed class SlotFile : IDisposable
{
    public const string Extension = ".slot";

    private const byte Free = (byte)'0';
    private const byte Held = (byte)'1';
    private const int HeaderLength = 5;
    private static ReadOnlySpan<byte> HeldMark => [Held];
    private static ReadOnlySpan<byte> FreeMark => [Free];

    private readonly SafeFileHandle handle;
    private readonly byte[] length = new byte[4];

    public SlotFile(string path)
    {
        Path = path;
        handle = File.OpenHandle(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.Read);
    }

    public string Path { get; }

    /// <summary>Writes <paramref name="content"/> over the slot, then marks it held: two positional writes, no rename.</summary>
    public void Write(byte[] content)
    {
        BinaryPrimitives.WriteInt32LittleEndian(length, content.Length);
        RandomAccess.Write(handle, [length, content], 1);
        RandomAccess.Write(handle, HeldMark, 0);
    }

    /// <summary>Marks the slot as holding nothing: its message was consumed, or stored elsewhere.</summary>
    public void MarkFree() => RandomAccess.Write(handle, FreeMark, 0);

    public void Dispose() => handle.Dispose();

    /// <summary>The message a slot file holds, read by whoever takes over the folder; null when it holds none.</summary>
    public static byte[]? ReadHeld(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < HeaderLength || bytes[0] != Held)
        {
            return null;
        }

        var contentLength = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(1));
        return contentLength >= 0 && contentLength <= bytes.Length - HeaderLength
            ? bytes.AsSpan(HeaderLength, contentLength).ToArray()
            : null;
    }
}
