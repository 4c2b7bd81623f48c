using System.Globalization;
using Microsoft.Data.Sqlite;
using Unbundled.Domain.Invitations;

namespace Unbundled.Benchmarks.Mutations.WolverineSqlite;

/// <summary>The email claims in the peer's SQLite file, read and written inside the handler's transaction.</summary>
internal static class PeerEmailClaims
{
    public static async Task<EmailClaim?> Find(SqliteTransaction transaction, string emailKey, CancellationToken cancellationToken)
    {
        await using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT customer_id, event_id, email, invited_at FROM email_claims WHERE email_key = $key";
        command.Parameters.AddWithValue("$key", emailKey);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new EmailClaim(reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2), DateTimeOffset.Parse(reader.GetString(3), CultureInfo.InvariantCulture))
            : null;
    }

    public static async Task Insert(SqliteTransaction transaction, EmailClaim claim, CancellationToken cancellationToken)
    {
        await using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO email_claims (email_key, customer_id, event_id, email, invited_at) VALUES ($key, $customer, $event, $email, $at)
            """;
        command.Parameters.AddWithValue("$key", claim.Key);
        command.Parameters.AddWithValue("$customer", claim.CustomerId);
        command.Parameters.AddWithValue("$event", claim.EventId);
        command.Parameters.AddWithValue("$email", claim.Email);
        command.Parameters.AddWithValue("$at", claim.InvitedAt.ToString("O", CultureInfo.InvariantCulture));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
