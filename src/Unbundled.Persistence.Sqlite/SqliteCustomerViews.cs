using System.Globalization;
using System.Text.Json;
using Unbundled.Domain.Customers;
using Unbundled.Ports;

namespace Unbundled.Persistence.Sqlite;

/// <summary>
/// The customers read model in SQLite. Reads are plain queries; a save is a whole-view upsert, independent of any other,
/// so it joins the process's shared write batch (<see cref="BatchedWrites"/>) and returns once committed.
/// </summary>
public sealed class SqliteCustomerViews : ICustomerViews
{
    private const string Upsert = """
        INSERT INTO customers (id, email, invited, invited_at, applied_event_ids)
        VALUES ($id, $email, $invited, $invitedAt, $applied)
        ON CONFLICT (id) DO UPDATE SET
            email = excluded.email, invited = excluded.invited,
            invited_at = excluded.invited_at, applied_event_ids = excluded.applied_event_ids
        """;

    private readonly SqliteDatabase database;

    public SqliteCustomerViews(SqliteDatabase database) => this.database = database;

    public async Task<CustomerView?> Find(Guid customerId, CancellationToken cancellationToken)
    {
        await using var lease = await database.Rent(cancellationToken);
        await using var reader = await lease.Connection.Read(
            "SELECT email, invited, invited_at, applied_event_ids FROM customers WHERE id = $id", ("$id", customerId));
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
        var upsert = new BatchedStatement(
            Upsert,
            ("$id", view.Id),
            ("$email", view.Email),
            ("$invited", view.Invited),
            ("$invitedAt", view.InvitedAt?.ToString("O", CultureInfo.InvariantCulture)),
            ("$applied", JsonSerializer.Serialize(view.AppliedEventIds)));
        await BatchedWrites.Add(database, upsert).WaitAsync(cancellationToken);
        ViewChanges.Saved(view.Id);
    }
}
