using Unbundled.Domain.Commands;
using Unbundled.Persistence.DynamoDB.Tests.Infrastructure;
using Xunit;

namespace Unbundled.Persistence.DynamoDB.Tests.Costs;

/// <summary>What an invite costs in DynamoDB requests, as the persistence's README states it (reads are strongly consistent).</summary>
public sealed class When_an_invite_is_processed : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    private CustomersWorld world = null!;

    public async Task InitializeAsync()
    {
        world = await CustomersWorld.Create();
        await world.Start();
    }

    public async Task DisposeAsync() => await world.DisposeAsync();

    [Fact]
    public async Task Should_take_two_reads_and_two_writes_when_the_customer_is_invited()
    {
        await world.Deliver(new InviteCustomer("ada@example.com", Guid.NewGuid(), Guid.NewGuid(), Now), "invite-1");
        await world.Audit.Next();

        // Outbox record, claim; the claim's conditional put, the dispatched marker (a whole-item put).
        Assert.Equal("GetItem×2, PutItem×2", world.Table.Requests.Summary());
    }

    [Fact]
    public async Task Should_take_two_reads_and_two_writes_when_the_invite_is_rejected()
    {
        await world.Deliver(new InviteCustomer("ada@example.com", Guid.NewGuid(), Guid.NewGuid(), Now), "invite-1");
        await world.Audit.Next();
        world.Table.Requests.Clear();

        await world.Deliver(new InviteCustomer("ADA@example.com", Guid.NewGuid(), Guid.NewGuid(), Now), "invite-2");
        await world.Audit.Next();

        // Outbox record, claim; the outbox record's own conditional put, the marker that replaces it.
        Assert.Equal("GetItem×2, PutItem×2", world.Table.Requests.Summary());
    }

    [Fact]
    public async Task Should_take_one_read_when_the_command_was_processed_before()
    {
        var command = new InviteCustomer("ada@example.com", Guid.NewGuid(), Guid.NewGuid(), Now);
        await world.Deliver(command, "invite-1");
        await world.Audit.Next();
        world.Table.Requests.Clear();

        await world.Deliver(command, "invite-1");
        await world.Audit.Next();

        Assert.Equal("GetItem×1", world.Table.Requests.Summary());
    }
}
