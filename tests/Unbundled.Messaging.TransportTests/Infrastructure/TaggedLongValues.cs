using System.Text;
using Xunit;

namespace Unbundled.Messaging.TransportTests.Infrastructure;

/// <summary>Reads a TaggedLongValueWriterV1 body back as ServiceControl Monitoring's deserializer does.</summary>
public sealed record TaggedLongValues(long Version, long BaseTicks, IReadOnlyDictionary<int, string> Tags, IReadOnlyList<(int TickOffset, int TagId, long Value)> Entries)
{
    public static TaggedLongValues Read(ReadOnlyMemory<byte> body)
    {
        using var reader = new BinaryReader(new MemoryStream(body.ToArray()), Encoding.UTF8);
        var version = reader.ReadInt64();
        var baseTicks = reader.ReadInt64();
        var tags = new Dictionary<int, string>();
        for (var count = reader.ReadInt32(); count > 0; count--)
        {
            var id = reader.ReadInt32();
            tags[id] = Encoding.UTF8.GetString(reader.ReadBytes(reader.ReadInt32()));
        }

        var entries = new List<(int, int, long)>();
        for (var count = reader.ReadInt32(); count > 0; count--)
        {
            entries.Add((reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt64()));
        }

        Assert.Equal(reader.BaseStream.Length, reader.BaseStream.Position);
        return new TaggedLongValues(version, baseTicks, tags, entries);
    }
}
