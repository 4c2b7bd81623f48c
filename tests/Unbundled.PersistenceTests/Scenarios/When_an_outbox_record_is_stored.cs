using Unbundled.Messaging.Outbox;
using Unbundled.PersistenceTests.Infrastructure;
using Xunit;

namespace Unbundled.PersistenceTests.Scenarios;

public abstract class When_an_outbox_record_is_stored<TWorld> : PersistenceTest<TWorld>
    where TWorld : IPersistenceWorld, new()
{
    [Fact]
    public async Task Should_read_back_every_operation_exactly()
    {
        var record = new OutboxRecord("incoming-1", [Send("out-1", "Sales"), Publish("out-2", typeof(Uri))]);
        await using (var transaction = await Outbox.BeginTransaction())
        {
            await Outbox.Store(record, transaction);
            await transaction.Commit();
        }

        var stored = await Outbox.Get("incoming-1");

        Assert.NotNull(stored);
        Assert.False(stored.Dispatched);
        Assert.Equal(2, stored.Operations.Count);
        var send = stored.Operations[0];
        Assert.Equal(("out-1", "Sales", (string?)null, TimeSpan.FromSeconds(30)), (send.MessageId, send.Destination, send.EventType, send.DelayDeliveryWith!.Value));
        Assert.Equal("ä é 💡", send.Headers["Custom"]);
        Assert.Equal("{\"A\":1}"u8.ToArray(), send.Body);
        Assert.Equal(typeof(Uri).AssemblyQualifiedName, stored.Operations[1].EventType);
    }

    [Fact]
    public async Task Should_forget_the_operations_once_dispatched()
    {
        await using (var transaction = await Outbox.BeginTransaction())
        {
            await Outbox.Store(new OutboxRecord("incoming-1", [Send("out-1", "Sales")]), transaction);
            await transaction.Commit();
        }

        await Outbox.SetAsDispatched("incoming-1");

        var stored = await Outbox.Get("incoming-1");
        Assert.True(stored!.Dispatched);
        Assert.Empty(stored.Operations);
    }

    [Fact]
    public async Task Should_refuse_a_second_record_for_the_same_message()
    {
        await using (var transaction = await Outbox.BeginTransaction())
        {
            await Outbox.Store(new OutboxRecord("incoming-1", []), transaction);
            await transaction.Commit();
        }

        await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await using var transaction = await Outbox.BeginTransaction();
            await Outbox.Store(new OutboxRecord("incoming-1", []), transaction);
            await transaction.Commit();
        });
    }

    [Fact]
    public async Task Should_know_nothing_of_an_unknown_message_or_another_endpoints()
    {
        await using (var transaction = await Outbox.BeginTransaction())
        {
            await Outbox.Store(new OutboxRecord("incoming-1", []), transaction);
            await transaction.Commit();
        }

        Assert.Null(await Outbox.Get("incoming-2"));
        Assert.Null(await World.Persistence.CreateOutboxStorage("OtherEndpoint").Get("incoming-1"));
    }
}
