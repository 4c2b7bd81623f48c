using System.Data;
using Unbundled.Domain.Customers;
using Unbundled.Domain.Events;
using Unbundled.PersistenceTests.Infrastructure;
using Xunit;

namespace Unbundled.PersistenceTests.Scenarios;

/// <summary>
/// Two projector deliveries (two instances, each with its own views) read the same version of a customer's view and each
/// folds in a different event. Without a version check the second save would drop the first event.
/// </summary>
public abstract class When_two_events_for_one_customer_are_projected_at_once<TWorld> : PersistenceTest<TWorld>
    where TWorld : IPersistenceWorld, new()
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    private readonly Guid customerId = Guid.NewGuid();

    [Fact]
    public async Task Should_refuse_the_second_save_and_keep_both_events_once_it_is_retried()
    {
        var first = Event("ada@example.com");
        var second = Event("ada@example.org");
        var third = Event("ada@example.net");
        await Save(World.CustomerViews(), first);
        var one = World.CustomerViews();
        var other = World.CustomerViews();
        var seenByOne = await one.Find(customerId, CancellationToken.None);
        var seenByOther = await other.Find(customerId, CancellationToken.None);

        await one.Save(CustomerProjection.Project(seenByOne, second), CancellationToken.None);
        await Assert.ThrowsAsync<DBConcurrencyException>(() => other.Save(CustomerProjection.Project(seenByOther, third), CancellationToken.None));
        await Save(other, third);

        var view = await World.CustomerViews().Find(customerId, CancellationToken.None);
        Assert.Equal([first.EventId, second.EventId, third.EventId], view!.AppliedEventIds);
    }

    [Fact]
    public async Task Should_refuse_the_second_of_two_first_saves()
    {
        var one = World.CustomerViews();
        var other = World.CustomerViews();
        Assert.Null(await one.Find(customerId, CancellationToken.None));
        Assert.Null(await other.Find(customerId, CancellationToken.None));

        await one.Save(CustomerProjection.Project(null, Event("ada@example.com")), CancellationToken.None);

        await Assert.ThrowsAsync<DBConcurrencyException>(() => other.Save(CustomerProjection.Project(null, Event("ada@example.org")), CancellationToken.None));
        Assert.Equal("ada@example.com", (await World.CustomerViews().Find(customerId, CancellationToken.None))!.Email);
    }

    [Fact]
    public async Task Should_refuse_a_save_that_read_nothing_when_a_view_exists()
    {
        // The projector saves an invite's view without reading it first (it almost never exists): by the contract a save
        // that read nothing is a save that read none, so it must not overwrite a view that exists.
        await Save(World.CustomerViews(), Event("ada@example.com"));

        await Assert.ThrowsAsync<DBConcurrencyException>(() => World.CustomerViews().Save(CustomerProjection.Project(null, Event("ada@example.org")), CancellationToken.None));
        Assert.Equal("ada@example.com", (await World.CustomerViews().Find(customerId, CancellationToken.None))!.Email);
    }

    private CustomerInvited Event(string email) => new(Guid.NewGuid(), customerId, email, Now);

    /// <summary>What the projector's handler does: read, fold, save.</summary>
    private async Task Save(Ports.ICustomerViews views, CustomerInvited e) =>
        await views.Save(CustomerProjection.Project(await views.Find(customerId, CancellationToken.None), e), CancellationToken.None);
}
