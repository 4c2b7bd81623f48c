using System.Text.Json;
using Unbundled.Messaging.Outbox;
using Xunit;

namespace Unbundled.Persistence.Sqlite.Tests.Outbox;

/// <summary>Versions before 2026-11-27 stored the operations as a JSON string; a Database they left behind still works.</summary>
public sealed class When_a_record_was_stored_as_text : SqliteDatabaseTest
{
    [Fact]
    public async Task Should_read_its_operations_as_if_stored_now()
    {
        var operation = new OutboxOperation("out-1", new Dictionary<string, string> { ["Custom"] = "ä é 💡" }, "{\"A\":1}"u8.ToArray(), "Sales", null);
        await using (var connection = await Database.Open(CancellationToken.None))
        await using (var insert = connection.CreateCommand())
        {
            insert.CommandText = "INSERT INTO outbox (endpoint, message_id, operations) VALUES ('Endpoint', 'incoming-1', $operations)";
            insert.Parameters.AddWithValue("$operations", JsonSerializer.Serialize(new[] { operation }));
            await insert.ExecuteNonQueryAsync();
        }

        var record = await new SqlitePersistence(Database).CreateOutboxStorage("Endpoint").Get("incoming-1");

        var read = Assert.Single(record!.Operations);
        Assert.Equal(("out-1", "Sales", "ä é 💡"), (read.MessageId, read.Destination, read.Headers["Custom"]));
        Assert.Equal(operation.Body, read.Body);
    }

}
