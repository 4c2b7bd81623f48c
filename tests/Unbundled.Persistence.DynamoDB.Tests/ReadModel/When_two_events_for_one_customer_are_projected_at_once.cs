using System.Data;
using Unbundled.Domain.Customers;
using Unbundled.Domain.Events;
using Unbundled.Persistence.DynamoDB.Tests.Infrastructure;
using Xunit;

namespace Unbundled.Persistence.DynamoDB.Tests.ReadModel;

/// <summary>
/// Two projector deliveries (two instances, each with its own views) read the same version of a customer's view and each
/// folds in a different event. Without a version check the second save would drop the first event.
/// </summary>
public sealed class When_two_events_for_one_customer_are_projected_at_once : IAsyncLifetime
{
    private static readonly Guid CustomerId = Guid.NewGuid();
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    private EmulatorTable table = null!;

    public async Task InitializeAsync()
    {
        table = await EmulatorTable.Create();
        await table.Table.Install();
    }

    public async Task DisposeAsync() => await table.DisposeAsync();

    [Fact]
    public async Task Should_refuse_the_second_save_and_keep_both_events_once_it_is_retried()
    {
        var first = Event("ada@example.com");
        var second = Event("ada@example.org");
        var third = Event("ada@example.net");
        await Save(new DynamoDbCustomerViews(table.Table), first);
        var one = new DynamoDbCustomerViews(table.Table);
        var other = new DynamoDbCustomerViews(table.Table);
        var seenByOne = await one.Find(CustomerId, CancellationToken.None);
        var seenByOther = await other.Find(CustomerId, CancellationToken.None);

        await one.Save(CustomerProjection.Project(seenByOne, second), CancellationToken.None);
        await Assert.ThrowsAsync<DBConcurrencyException>(() => other.Save(CustomerProjection.Project(seenByOther, third), CancellationToken.None));
        await Save(other, third);

        var view = await new DynamoDbCustomerViews(table.Table).Find(CustomerId, CancellationToken.None);
        Assert.Equal([first.EventId, second.EventId, third.EventId], view!.AppliedEventIds);
    }

    [Fact]
    public async Task Should_refuse_the_second_of_two_first_saves()
    {
        var one = new DynamoDbCustomerViews(table.Table);
        var other = new DynamoDbCustomerViews(table.Table);
        Assert.Null(await one.Find(CustomerId, CancellationToken.None));
        Assert.Null(await other.Find(CustomerId, CancellationToken.None));

        await one.Save(CustomerProjection.Project(null, Event("ada@example.com")), CancellationToken.None);

        await Assert.ThrowsAsync<DBConcurrencyException>(() => other.Save(CustomerProjection.Project(null, Event("ada@example.org")), CancellationToken.None));
    }

    private static CustomerInvited Event(string email) => new(Guid.NewGuid(), CustomerId, email, Now);

    /// <summary>What the projector's handler does: read, fold, save.</summary>
    private static async Task Save(DynamoDbCustomerViews views, CustomerInvited e) =>
        await views.Save(CustomerProjection.Project(await views.Find(CustomerId, CancellationToken.None), e), CancellationToken.None);
}
