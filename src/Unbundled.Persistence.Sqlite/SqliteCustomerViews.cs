using System.Data;
using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Unbundled.Domain.Customers;
using Unbundled.Ports;

namespace Unbundled.Persistence.Sqlite;

/// <summary>
/// The customers read model in SQLite, one row per customer with a <c>version</c>. A save is checked against the
/// version <see cref="Find"/> read, as on DynamoDB (<see cref="ICustomerViews"/>'s contract), so of two concurrent
/// projections of different events for one customer the second fails and is retried, and no event is lost. It joins
/// the process's shared write batch (<see cref="BatchedWrites"/>) and returns once committed. Scoped (one per message
/// or request): an instance remembers the versions it read.
/// </summary>
public sealed class SqliteCustomerViews(SqliteDatabase database) : ICustomerViews
{
    private const string Insert = """
        INSERT INTO customers (id, email, invited, invited_at, applied_event_ids, version)
        VALUES ($id, $email, $invited, $invitedAt, $applied, 1)
        """;

    // A stale version sets the NOT NULL column to null: a constraint violation, which fails this save alone in the
    // batch (BatchedWrites), where an update of no row would pass unnoticed.
    private const string Update = """
        UPDATE customers SET
            email = $email, invited = $invited, invited_at = $invitedAt, applied_event_ids = $applied,
            version = CASE WHEN version = $expected THEN $expected + 1 END
        WHERE id = $id
        """;

    private const int ConstraintViolation = 19; // SQLITE_CONSTRAINT

    private readonly ReadVersions versionsRead = new();

    public async Task<CustomerView?> Find(Guid customerId, CancellationToken cancellationToken)
    {
        await using var lease = await database.Rent(cancellationToken);
        await using var reader = await lease.Connection.Read(
            "SELECT email, invited, invited_at, applied_event_ids, version FROM customers WHERE id = $id", ("$id", customerId));
        if (!await reader.ReadAsync(cancellationToken))
        {
            versionsRead.Remember(customerId, 0);
            return null;
        }

        versionsRead.Remember(customerId, reader.GetInt64(4));
        DateTimeOffset? invitedAt = reader.IsDBNull(2) ? null : DateTimeOffset.Parse(reader.GetString(2), CultureInfo.InvariantCulture);
        var applied = JsonSerializer.Deserialize<List<Guid>>(reader.GetString(3))!;
        return new CustomerView(customerId, reader.GetString(0), reader.GetBoolean(1), invitedAt, applied);
    }

    /// <exception cref="DBConcurrencyException">The view changed since this instance read it (or was created, if it read none).</exception>
    public async Task Save(CustomerView view, CancellationToken cancellationToken)
    {
        var expected = versionsRead.Of(view.Id);
        var statement = new BatchedStatement(
            expected == 0 ? Insert : Update,
            ("$id", view.Id),
            ("$email", view.Email),
            ("$invited", view.Invited),
            ("$invitedAt", view.InvitedAt?.ToString("O", CultureInfo.InvariantCulture)),
            ("$applied", JsonSerializer.Serialize(view.AppliedEventIds)),
            ("$expected", expected));
        try
        {
            await BatchedWrites.Add(database, statement).WaitAsync(cancellationToken);
        }
        catch (SqliteException e) when (e.SqliteErrorCode == ConstraintViolation)
        {
            versionsRead.Remember(view.Id, 0);
            throw new DBConcurrencyException(
                $"Customer view {view.Id} changed since version {expected} was read; the event is retried and folded into the newer view.", e);
        }

        versionsRead.Remember(view.Id, expected + 1);
    }
}
