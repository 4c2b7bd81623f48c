using Unbundled.Domain.Commands;
using Unbundled.Messaging.Outbox;
using Unbundled.Messaging.TransportTests.Infrastructure;
using Unbundled.Persistence.DynamoDB.Outbox;
using Unbundled.Persistence.DynamoDB.Tests.Infrastructure;
using Xunit;

namespace Unbundled.Persistence.DynamoDB.Tests.Outbox;

/// <summary>
/// Several messages finish dispatching at the same moment: their markers share one BatchWriteItem of whole-item puts. A
/// marker must still replace an outbox item's operations, each redelivery must still be recognised, and a batch that
/// fails must fail every message that waited on it (so none is deleted from its queue as if it were marked).
/// </summary>
public sealed class When_messages_are_marked_dispatched_together : CustomersTest
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Should_write_every_marker_in_one_BatchWriteItem_and_drop_the_stored_operations()
    {
        var outbox = (DynamoDbOutboxStorage)World.Outbox;
        await StoreOwnRecord(outbox, "rejected-1");
        World.Table.Requests.Clear();
        var now = DateTimeOffset.UtcNow;

        await World.Persistence.Table.Puts.Write(
            [outbox.Marker("invite-1", now), outbox.Marker("rejected-1", now), outbox.Marker("invite-2", now), outbox.Marker("invite-2", now)]);

        Assert.Equal("BatchWriteItem×1", World.Table.Requests.Summary());
        foreach (var messageId in new[] { "invite-1", "rejected-1", "invite-2" })
        {
            var record = await outbox.Get(messageId);
            Assert.Equal((true, 0), (record!.Dispatched, record.Operations.Count));
            var item = await World.Table.Item($"OUTBOX#{CustomersWorld.Customers}#{messageId}", $"OUTBOX#METADATA#{messageId}");
            Assert.False(item!.ContainsKey("Operations"));
            Assert.True(item.ContainsKey("ExpiresAt"));
        }
    }

    [Fact]
    public async Task Should_run_no_handler_and_dispatch_nothing_when_the_commands_come_back()
    {
        await World.Start();
        var commands = Enumerable.Range(1, 6).Select(i => new InviteCustomer($"user{i}@example.com", Guid.NewGuid(), Guid.NewGuid(), Now)).ToList();
        await Task.WhenAll(commands.Select((command, i) => World.Deliver(command, $"invite-{i}")));
        foreach (var _ in commands)
        {
            await World.Audit.Next();
            await World.Published.Next();
        }

        var finds = World.Claims.Finds;
        await Task.WhenAll(commands.Select((command, i) => World.Deliver(command, $"invite-{i}")));
        foreach (var _ in commands)
        {
            await World.Audit.Next();
        }

        Assert.Equal(finds, World.Claims.Finds);
        Assert.True(await World.Published.NothingMoreWithin(Scenario.QuietPeriod));
    }

    [Fact]
    public async Task Should_fail_every_message_whose_marker_did_not_land()
    {
        // A table that was never created: whether the markers go alone or batched, none lands.
        await using var missing = await EmulatorTable.Create();
        var outbox = new DynamoDbPersistence(missing.Table).CreateOutboxStorage(CustomersWorld.Customers);

        var marks = new[] { "invite-1", "invite-2", "invite-3", "invite-4" }.Select(id => outbox.SetAsDispatched(id)).ToList();

        foreach (var mark in marks)
        {
            await Assert.ThrowsAsync<Amazon.DynamoDBv2.Model.ResourceNotFoundException>(() => mark);
        }

        await Assert.ThrowsAsync<Amazon.DynamoDBv2.Model.ResourceNotFoundException>(() => missing.Table.Puts.Write(
            [((DynamoDbOutboxStorage)outbox).Marker("invite-5", DateTimeOffset.UtcNow), ((DynamoDbOutboxStorage)outbox).Marker("invite-6", DateTimeOffset.UtcNow)]));
    }

    private static async Task StoreOwnRecord(DynamoDbOutboxStorage outbox, string messageId)
    {
        await using var transaction = await outbox.BeginTransaction();
        var operation = new OutboxOperation("reply-1", new Dictionary<string, string>(), [1, 2, 3], CustomersWorld.Requester, null);
        await outbox.Store(new OutboxRecord(messageId, [operation]), transaction);
        await transaction.Commit();
    }
}
