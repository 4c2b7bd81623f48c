using System.Text.Json;

namespace Unbundled.Messaging.Tests.Infrastructure;

/// <summary>
/// A message file the embedded transport left in a queue folder nobody receives from: headers as JSON, a blank line, the
/// body. Reading it shows exactly what went on the wire.
/// </summary>
public sealed record StoredMessage(IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public static IReadOnlyList<StoredMessage> In(string root, string queue) =>
        [.. Directory.GetFiles(Path.Combine(root, queue), "*.msg").Order(StringComparer.Ordinal).Select(Read)];

    private static StoredMessage Read(string path)
    {
        var content = File.ReadAllBytes(path);
        var end = content.AsSpan().IndexOf("\n\n"u8);
        var headers = JsonSerializer.Deserialize<Dictionary<string, string>>(content.AsSpan(0, end))!;
        return new StoredMessage(headers, content[(end + 2)..]);
    }
}
