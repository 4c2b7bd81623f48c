using System.Text;
using Unbundled.Messaging;
using Unbundled.Messaging.Outbox;
using Unbundled.Persistence.DynamoDB.Outbox;
using Unbundled.Persistence.DynamoDB.Tests.Infrastructure;
using Xunit;

namespace Unbundled.Persistence.DynamoDB.Tests.Outbox;

/// <summary>
/// The operations of an outbox record travel as one compressed binary attribute: an invite's reply and event, with all
/// their headers, then fit one write unit (1 KB).
/// </summary>
public sealed class When_a_record_is_stored_on_an_item : CustomersTest
{
    [Fact]
    public async Task Should_hold_an_invites_reply_and_event_in_one_binary_attribute_under_one_write_unit()
    {
        var outbox = (DynamoDbOutboxStorage)World.Outbox;
        await using (var transaction = await outbox.BeginTransaction())
        {
            await outbox.Store(new OutboxRecord(MessageId, [Operation("reply-1", CustomersWorld.Requester, null), Operation("event-1", null, "Unbundled.Domain.Events.CustomerInvited")]), transaction);
            await transaction.Commit();
        }

        var item = await World.Table.Item(Key.PartitionKey, Key.SortKey);

        var operations = item!["Operations"];
        Assert.Null(operations.L);
        Assert.InRange(operations.B.Length, 1, 1024 - 200);
        var read = (await outbox.Get(MessageId))!.Operations;
        Assert.Equal(["reply-1", "event-1"], read.Select(o => o.MessageId));
        var expected = Operation("event-1", null, "Unbundled.Domain.Events.CustomerInvited");
        Assert.Equal(expected.Headers.OrderBy(h => h.Key, StringComparer.Ordinal), read[1].Headers.OrderBy(h => h.Key, StringComparer.Ordinal));
        Assert.Equal(expected.Body, read[1].Body);
    }

    private static (string PartitionKey, string SortKey) Key => ItemKeys.Of(ItemKeys.Outbox(CustomersWorld.Customers, MessageId));

    /// <summary>An outgoing message with the headers the messaging library gives every message, most of them shared.</summary>
    private static OutboxOperation Operation(string id, string? destination, string? eventType) => new(
        id,
        new Dictionary<string, string>
        {
            [Headers.MessageId] = id,
            [Headers.MessageIntent] = eventType is null ? "Reply" : "Publish",
            [Headers.TimeSent] = "2026-11-27 05:00:00:000000 Z",
            [Headers.NServiceBusVersion] = "9.2.7",
            [Headers.OriginatingEndpoint] = CustomersWorld.Customers,
            [Headers.OriginatingMachine] = "a-machine-name",
            [Headers.OriginatingHostId] = "0f8fad5b-d9cb-469f-a165-70867728950e",
            [Headers.RelatedTo] = "7c9e6679-7425-40de-944b-e07fc1f90ae7",
            [Headers.CorrelationId] = "7c9e6679-7425-40de-944b-e07fc1f90ae7",
            [Headers.ConversationId] = "6ba7b810-9dad-11d1-80b4-00c04fd430c8",
            [Headers.EnclosedMessageTypes] = eventType ?? "Unbundled.Domain.Messages.InviteCustomerResponse, Unbundled.Domain, Version=1.0.0.0, Culture=neutral, PublicKeyToken=null",
            [Headers.ContentType] = "application/json",
        },
        Encoding.UTF8.GetBytes($$"""{"CustomerId":"6ba7b811-9dad-11d1-80b4-00c04fd430c8","Email":"someone@example.com","InvitedAt":"2026-11-27T05:00:00+00:00","Id":"{{id}}"}"""),
        destination,
        eventType);
}
