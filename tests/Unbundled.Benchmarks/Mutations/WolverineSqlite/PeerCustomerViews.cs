using System.Globalization;
using System.Text.Json;
using Unbundled.Domain.Customers;
using Unbundled.Ports;

namespace Unbundled.Benchmarks.Mutations.WolverineSqlite;

/// <summary>The peer's read model in its SQLite file, with plain ADO.NET: a SELECT per read, an upsert per save.</summary>
internal sealed class PeerCustomerViews(PeerDatabase database) : ICustomerViews
{
    private const string Upsert = """
        INSERT INTO customers (id, email, invited, invited_at, applied_event_ids) VALUES ($id, $email, $invited, $invitedAt, $applied)
        ON CONFLICT (id) DO UPDATE SET email = excluded.email, invited = excluded.invited,
            invited_at = excluded.invited_at, applied_event_ids = excluded.applied_event_ids
        """;

    public async Task<CustomerView?> Find(Guid customerId, CancellationToken cancellationToken)
    {
        await using var connection = await database.Open(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT email, invited, invited_at, applied_event_ids FROM customers WHERE id = $id";
        command.Parameters.AddWithValue("$id", customerId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        DateTimeOffset? invitedAt = reader.IsDBNull(2) ? null : DateTimeOffset.Parse(reader.GetString(2), CultureInfo.InvariantCulture);
        var applied = JsonSerializer.Deserialize<List<Guid>>(reader.GetString(3))!;
        return new CustomerView(customerId, reader.GetString(0), reader.GetBoolean(1), invitedAt, applied);
    }

    /// <summary>Commits the view, then reports the save, so the API's read-your-writes wait learns of it as ours does.</summary>
    public async Task Save(CustomerView view, CancellationToken cancellationToken)
    {
        await using var connection = await database.Open(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = Upsert;
        command.Parameters.AddWithValue("$id", view.Id);
        command.Parameters.AddWithValue("$email", view.Email);
        command.Parameters.AddWithValue("$invited", view.Invited);
        command.Parameters.AddWithValue("$invitedAt", (object?)view.InvitedAt?.ToString("O", CultureInfo.InvariantCulture) ?? DBNull.Value);
        command.Parameters.AddWithValue("$applied", JsonSerializer.Serialize(view.AppliedEventIds));
        await command.ExecuteNonQueryAsync(cancellationToken);
        ViewChanges.Saved(view.Id);
    }
}
