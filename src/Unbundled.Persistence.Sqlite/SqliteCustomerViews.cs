using System.Globalization;
using System.Text.Json;
using Unbundled.Domain.Customers;
using Unbundled.Ports;

namespace Unbundled.Persistence.Sqlite;

/// <summary>The customers read model in SQLite; each call is its own short transaction.</summary>
public sealed class SqliteCustomerViews(SqliteDatabase database) : ICustomerViews
{
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

    public async Task Save(CustomerView view, CancellationToken cancellationToken)
    {
        using var turn = await database.TakeWriteTurn(cancellationToken);
        await using var connection = await database.Open(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO customers (id, email, invited, invited_at, applied_event_ids)
            VALUES ($id, $email, $invited, $invitedAt, $applied)
            ON CONFLICT (id) DO UPDATE SET
                email = excluded.email, invited = excluded.invited,
                invited_at = excluded.invited_at, applied_event_ids = excluded.applied_event_ids
            """;
        command.Parameters.AddWithValue("$id", view.Id);
        command.Parameters.AddWithValue("$email", view.Email);
        command.Parameters.AddWithValue("$invited", view.Invited);
        command.Parameters.AddWithValue("$invitedAt", (object?)view.InvitedAt?.ToString("O", CultureInfo.InvariantCulture) ?? DBNull.Value);
        command.Parameters.AddWithValue("$applied", JsonSerializer.Serialize(view.AppliedEventIds));
        await command.ExecuteNonQueryAsync(cancellationToken);
        ViewChanges.Saved(view.Id);
    }
}
