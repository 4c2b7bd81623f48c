using Unbundled.Domain.Customers;
using Unbundled.Domain.Events;

namespace Unbundled.Domain.Tests.Customers;

public class When_an_invite_is_projected_twice
{
    private static readonly CustomerInvited Invited = new(
        Guid.Parse("e0000000-0000-4000-8000-000000000007"),
        Guid.Parse("c0000000-0000-4000-8000-000000000007"),
        "ann@example.com",
        DateTimeOffset.UnixEpoch);

    [Fact]
    public void The_second_delivery_leaves_the_view_as_the_first_made_it()
    {
        var once = CustomerProjection.Project(null, Invited);

        var twice = CustomerProjection.Project(once, Invited);

        Assert.Same(once, twice);
    }

    [Fact]
    public void A_redelivered_copy_of_the_event_is_recognised_by_its_id()
    {
        var once = CustomerProjection.Project(null, Invited);

        var twice = CustomerProjection.Project(once, Invited with { Email = "changed@example.com" });

        Assert.Equal(once, twice);
        Assert.Single(twice.AppliedEventIds);
    }
}
