using System.Globalization;
using Unbundled.Domain.Invitations;
using Unbundled.Messaging;
using Unbundled.Ports;

namespace Unbundled.Persistence.Sqlite;

/// <summary>
/// Email claims in the message's unit of work: the claim and the outbox record commit together. The email key is the
/// primary key, so of two messages that both found an email free, the second to commit fails and is retried.
/// </summary>
public sealed class SqliteEmailClaims(ISynchronizedStorageSession session) : IEmailClaims
{
    private readonly SqliteStorageSession storage = SqliteStorageSession.From(session);

    public async Task<EmailClaim?> Find(string emailKey, CancellationToken cancellationToken)
    {
        await using var reader = await storage.Read(
            "SELECT customer_id, event_id, email, invited_at FROM email_claims WHERE email_key = $key", ("$key", emailKey));
        return await reader.ReadAsync(cancellationToken)
            ? new EmailClaim(
                reader.GetGuid(0),
                reader.GetGuid(1),
                reader.GetString(2),
                DateTimeOffset.Parse(reader.GetString(3), CultureInfo.InvariantCulture))
            : null;
    }

    public Task Add(EmailClaim claim, CancellationToken cancellationToken)
    {
        storage.Write(
            """
            INSERT INTO email_claims (email_key, customer_id, event_id, email, invited_at)
            VALUES ($key, $customer, $event, $email, $invitedAt)
            """,
            ("$key", claim.Key),
            ("$customer", claim.CustomerId),
            ("$event", claim.EventId),
            ("$email", claim.Email),
            ("$invitedAt", claim.InvitedAt.ToString("O", CultureInfo.InvariantCulture)));
        return Task.CompletedTask;
    }
}
