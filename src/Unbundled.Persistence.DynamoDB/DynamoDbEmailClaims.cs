using System.Globalization;
using Amazon.DynamoDBv2.Model;
using Unbundled.Domain.Invitations;
using Unbundled.Messaging;
using Unbundled.Ports;

namespace Unbundled.Persistence.DynamoDB;

/// <summary>
/// Email claims in the message's storage session: <see cref="Add"/> is the session's one write, a put that succeeds only
/// if nobody claimed the email first, and the claim item carries the invite's outgoing messages. Scoped: one per message.
/// </summary>
public sealed class DynamoDbEmailClaims(ISynchronizedStorageSession session) : IEmailClaims
{
    private const string CustomerId = "CustomerId";
    private const string EventId = "EventId";
    private const string Email = "Email";
    private const string InvitedAt = "InvitedAt";

    private readonly DynamoDbStorageSession storage = DynamoDbStorageSession.From(session);

    public async Task<EmailClaim?> Find(string emailKey, CancellationToken cancellationToken)
    {
        // The handler looks up whatever the command carried, before the domain validates it; an email too long to be a
        // key was never claimed, and asking DynamoDB would only fail.
        var key = ItemKeys.Claim(emailKey);
        if (!ItemKeys.IsStorable(key) || await storage.Find(key, cancellationToken) is not { } item)
        {
            return null;
        }

        return new EmailClaim(
            Guid.Parse(item[CustomerId].S),
            Guid.Parse(item[EventId].S),
            item[Email].S,
            DateTimeOffset.ParseExact(item[InvitedAt].S, "O", CultureInfo.InvariantCulture));
    }

    public Task Add(EmailClaim claim, CancellationToken cancellationToken)
    {
        var item = ItemKeys.Claim(claim.Key);
        item[CustomerId] = new AttributeValue { S = claim.CustomerId.ToString("D") };
        item[EventId] = new AttributeValue { S = claim.EventId.ToString("D") };
        item[Email] = new AttributeValue { S = claim.Email };
        item[InvitedAt] = new AttributeValue { S = claim.InvitedAt.ToString("O", CultureInfo.InvariantCulture) };
        storage.Put(item, "attribute_not_exists(PK)");
        return Task.CompletedTask;
    }
}
