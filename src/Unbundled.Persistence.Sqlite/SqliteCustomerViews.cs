using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Unbundled.Domain.Customers;
using Unbundled.Ports;

namespace Unbundled.Persistence.Sqlite;

/// <summary>
/// The customers read model in SQLite. Reads are plain queries; saves that arrive together commit in one transaction
/// (each save is a whole-view upsert, independent of the others), and each returns once its view is committed.
/// </summary>
public sealed class SqliteCustomerViews : ICustomerViews
{
    private readonly SqliteDatabase database;
    private readonly WriteBatcher<CustomerView> saves;

    public SqliteCustomerViews(SqliteDatabase database)
    {
        this.database = database;
        saves = new WriteBatcher<CustomerView>(Write);
    }

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

    public Task Save(CustomerView view, CancellationToken cancellationToken) => saves.Add(view).WaitAsync(cancellationToken);

    private async Task Write(List<CustomerView> views)
    {
        using (await database.TakeWriteTurn(CancellationToken.None))
        {
            await using var connection = await database.Open(CancellationToken.None);
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = """
                INSERT INTO customers (id, email, invited, invited_at, applied_event_ids)
                VALUES ($id, $email, $invited, $invitedAt, $applied)
                ON CONFLICT (id) DO UPDATE SET
                    email = excluded.email, invited = excluded.invited,
                    invited_at = excluded.invited_at, applied_event_ids = excluded.applied_event_ids
                """;
            // No declared types: each value is bound as Find's parameters are (a Guid as a blob).
            var (id, email, invited, invitedAt, applied) =
                (Parameter(command, "$id"), Parameter(command, "$email"), Parameter(command, "$invited"), Parameter(command, "$invitedAt"), Parameter(command, "$applied"));
            foreach (var view in views)
            {
                id.Value = view.Id;
                email.Value = view.Email;
                invited.Value = view.Invited;
                invitedAt.Value = (object?)view.InvitedAt?.ToString("O", CultureInfo.InvariantCulture) ?? DBNull.Value;
                applied.Value = JsonSerializer.Serialize(view.AppliedEventIds);
                await command.ExecuteNonQueryAsync();
            }

            await transaction.CommitAsync();
        }

        foreach (var view in views)
        {
            ViewChanges.Saved(view.Id);
        }
    }

    private static SqliteParameter Parameter(SqliteCommand command, string name) => command.Parameters.AddWithValue(name, DBNull.Value);
}
