using Unbundled.Domain.Customers;
using Unbundled.PersistenceTests.Infrastructure;
using Xunit;

namespace Unbundled.PersistenceTests.Scenarios;

public abstract class When_a_customer_view_is_saved<TWorld> : PersistenceTest<TWorld>
    where TWorld : IPersistenceWorld, new()
{
    [Fact]
    public async Task Should_read_back_the_view_and_replace_it_on_the_next_save()
    {
        var views = World.CustomerViews();
        var first = new CustomerView(Guid.NewGuid(), "ada@example.com", true, DateTimeOffset.UnixEpoch, [Guid.NewGuid()]);
        var second = first with { Email = "ada@example.org", AppliedEventIds = [.. first.AppliedEventIds, Guid.NewGuid()] };

        await views.Save(first, CancellationToken.None);
        Assert.Equal(first, await views.Find(first.Id, CancellationToken.None));
        await views.Save(second, CancellationToken.None);

        Assert.Equal(second, await views.Find(first.Id, CancellationToken.None));
        Assert.Null(await views.Find(Guid.NewGuid(), CancellationToken.None));
    }
}
