using Microsoft.Extensions.Logging.Abstractions;
using Unbundled.Domain.Events;
using Unbundled.Messaging.Testing;
using Unbundled.Persistence.DynamoDB.Tests.Infrastructure;
using Unbundled.Projector.Handlers;
using Xunit;

namespace Unbundled.Persistence.DynamoDB.Tests.ReadModel;

/// <summary>What the projector's handler costs in DynamoDB requests, as the persistence's README states it.</summary>
public sealed class When_an_event_is_projected : IAsyncLifetime
{
    private static readonly CustomerInvited Invited = new(Guid.NewGuid(), Guid.NewGuid(), "ada@example.com", new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));

    private EmulatorTable table = null!;

    public async Task InitializeAsync()
    {
        table = await EmulatorTable.Create();
        await table.Table.Install();
        table.Requests.Clear();
    }

    public async Task DisposeAsync() => await table.DisposeAsync();

    [Fact]
    public async Task Should_take_one_write_and_no_read()
    {
        await Project(Invited);

        Assert.Equal("PutItem×1", table.Requests.Summary());
    }

    [Fact]
    public async Task Should_take_a_refused_put_and_a_read_and_write_no_more_when_the_event_was_applied_before()
    {
        await Project(Invited);
        table.Requests.Clear();

        await Project(Invited);

        Assert.Equal("GetItem×1, PutItem×1", table.Requests.Summary());
    }

    private Task Project(CustomerInvited e) =>
        new CustomerInvitedHandler(NullLogger<CustomerInvitedHandler>.Instance, new DynamoDbCustomerViews(table.Table))
            .Handle(e, new TestableMessageHandlerContext());
}
