using Unbundled.Domain.Customers;
using Unbundled.Domain.Events;

namespace Unbundled.Domain.Tests.Customers;

public class When_an_invite_is_projected
{
    private static readonly CustomerInvited Invited = new(
        Guid.Parse("e0000000-0000-4000-8000-000000000006"),
        Guid.Parse("c0000000-0000-4000-8000-000000000006"),
        "Ann@Example.com",
        new DateTimeOffset(2025, 3, 14, 9, 26, 53, TimeSpan.Zero));

    [Fact]
    public void The_customer_appears_as_invited()
    {
        var view = CustomerProjection.Project(null, Invited);

        Assert.Equal(Invited.CustomerId, view.Id);
        Assert.Equal("Ann@Example.com", view.Email);
        Assert.True(view.Invited);
        Assert.Equal(Invited.InvitedAt, view.InvitedAt);
        Assert.Equal([Invited.EventId], view.AppliedEventIds);
    }

    [Fact]
    public void Projecting_through_the_event_hierarchy_gives_the_same_view() =>
        Assert.Equal(CustomerProjection.Project(null, Invited), CustomerProjection.Project(null, (InvitationEvent)Invited));

    [Fact]
    public void Views_that_applied_the_same_events_are_equal_whatever_the_order()
    {
        var view = CustomerProjection.Project(null, Invited);
        Guid[] ids = [Guid.Parse("e0000000-0000-4000-8000-000000000016"), Guid.Parse("e0000000-0000-4000-8000-000000000026")];

        Assert.Equal(view with { AppliedEventIds = [.. ids] }, view with { AppliedEventIds = [ids[1], ids[0]] });
        Assert.NotEqual(view with { AppliedEventIds = [ids[0]] }, view with { AppliedEventIds = [ids[1]] });
    }

    [Fact]
    public void An_invite_for_another_customer_is_refused_as_a_bug()
    {
        var view = CustomerProjection.Project(null, Invited);
        var other = Invited with { CustomerId = Guid.Parse("c0000000-0000-4000-8000-000000000016") };

        Assert.Throws<ArgumentException>("e", () => CustomerProjection.Project(view, other));
    }
}
