using Unbundled.Domain.Commands;
using Unbundled.Messaging.TransportTests.Infrastructure;
using Unbundled.Persistence.DynamoDB.Tests.Infrastructure;
using Xunit;

namespace Unbundled.Persistence.DynamoDB.Tests.Outbox;

/// <summary>The command was processed and its messages dispatched; the broker delivers it once more.</summary>
public sealed class When_a_dispatched_command_is_delivered_again : IAsyncLifetime
{
    private const string MessageId = "invite-1";

    private static readonly InviteCustomer Command = new("ada@example.com", Guid.NewGuid(), Guid.NewGuid(), new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));

    private CustomersWorld world = null!;

    public async Task InitializeAsync() => world = await CustomersWorld.Create();

    public async Task DisposeAsync() => await world.DisposeAsync();

    [Fact]
    public async Task Should_run_no_handler_and_dispatch_nothing()
    {
        await world.Start();
        await world.Deliver(Command, MessageId);
        await world.Published.Next();
        await world.NextReply();
        await world.Audit.Next();

        await world.Deliver(Command, MessageId);
        await world.Audit.Next();

        Assert.Equal(1, world.Claims.Finds);
        Assert.True(await world.Published.NothingMoreWithin(Scenario.QuietPeriod));
        Assert.True(await world.Replies.NothingWithin(TimeSpan.FromMilliseconds(200)));
    }
}
