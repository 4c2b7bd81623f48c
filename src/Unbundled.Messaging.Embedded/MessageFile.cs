using System.Text.Json;
using Microsoft.Win32.SafeHandles;

namespace Unbundled.Messaging.Embedded;

/// <summary>
/// A message on disk: its headers as indented JSON, one blank line, then the body bytes. Indented JSON never contains a
/// blank line, so the first one ends the headers. Readable with <c>cat</c>.
/// </summary>
internal static class MessageFile
{
    private static readonly JsonSerializerOptions HeaderFormat = new() { WriteIndented = true };
    private static readonly byte[] Separator = "\n\n"u8.ToArray();

    /// <summary>The file's bytes; one buffer, so the file is written with a single system call.</summary>
    public static byte[] Format(IReadOnlyDictionary<string, string> headers, ReadOnlySpan<byte> body)
    {
        var head = JsonSerializer.SerializeToUtf8Bytes(headers, HeaderFormat);
        var content = new byte[head.Length + Separator.Length + body.Length];
        head.CopyTo(content, 0);
        Separator.CopyTo(content, head.Length);
        body.CopyTo(content.AsSpan(head.Length + Separator.Length));
        return content;
    }

    public static void Write(string path, byte[] content)
    {
        if (PosixFile.IsAvailable)
        {
            PosixFile.WriteNew(path, content);
            return;
        }

        using SafeFileHandle file = File.OpenHandle(path, FileMode.CreateNew, FileAccess.Write);
        RandomAccess.Write(file, content, 0);
    }

    /// <summary>Writes into an existing file, keeping its blocks, and cuts off what is left of a longer old content.</summary>
    public static void WriteOver(string path, byte[] content)
    {
        if (PosixFile.IsAvailable)
        {
            PosixFile.WriteOver(path, content);
            return;
        }

        using SafeFileHandle file = File.OpenHandle(path, FileMode.Open, FileAccess.Write);
        var oldLength = RandomAccess.GetLength(file);
        RandomAccess.Write(file, content, 0);
        if (oldLength > content.Length)
        {
            RandomAccess.SetLength(file, content.Length);
        }
    }

    /// <summary>Reads a message file; null when it is not one (a poison file to move aside as it is).</summary>
    public static (Dictionary<string, string> Headers, ReadOnlyMemory<byte> Body)? TryRead(byte[] content)
    {
        var end = content.AsSpan().IndexOf(Separator);
        if (end < 0)
        {
            return null;
        }

        try
        {
            var headers = JsonSerializer.Deserialize<Dictionary<string, string>>(content.AsSpan(0, end));
            return headers is null ? null : (headers, content.AsMemory(end + Separator.Length));
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
