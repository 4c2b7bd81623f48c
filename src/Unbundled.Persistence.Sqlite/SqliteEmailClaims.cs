using System.Globalization;
using Unbundled.Domain.Invitations;
using Unbundled.Messaging;
using Unbundled.Ports;

namespace Unbundled.Persistence.Sqlite;

/// <summary>Email claims in the message's own transaction: the claim and the outbox record commit together.</summary>
public sealed class SqliteEmailClaims(ISynchronizedStorageSession session) : IEmailClaims
{
    private readonly SqliteStorageSession storage = SqliteStorageSession.From(session);

    public async Task<EmailClaim?> Find(string emailKey, CancellationToken cancellationToken)
    {
        await using var command = storage.Command(
            "SELECT customer_id, event_id, email, invited_at FROM email_claims WHERE email_key = $key");
        command.Parameters.AddWithValue("$key", emailKey);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new EmailClaim(
                reader.GetGuid(0),
                reader.GetGuid(1),
                reader.GetString(2),
                DateTimeOffset.Parse(reader.GetString(3), CultureInfo.InvariantCulture))
            : null;
    }

    public async Task Add(EmailClaim claim, CancellationToken cancellationToken)
    {
        await using var command = storage.Command("""
            INSERT INTO email_claims (email_key, customer_id, event_id, email, invited_at)
            VALUES ($key, $customer, $event, $email, $invitedAt)
            """);
        command.Parameters.AddWithValue("$key", claim.Key);
        command.Parameters.AddWithValue("$customer", claim.CustomerId);
        command.Parameters.AddWithValue("$event", claim.EventId);
        command.Parameters.AddWithValue("$email", claim.Email);
        command.Parameters.AddWithValue("$invitedAt", claim.InvitedAt.ToString("O", CultureInfo.InvariantCulture));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
