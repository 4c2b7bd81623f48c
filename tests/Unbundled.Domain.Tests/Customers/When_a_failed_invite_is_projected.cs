using Unbundled.Domain.Customers;
using Unbundled.Domain.Events;
using Unbundled.Domain.Invitations;

namespace Unbundled.Domain.Tests.Customers;

public class When_a_failed_invite_is_projected
{
    private static readonly CustomerInviteFailed Failed = new(
        Guid.Parse("e0000000-0000-4000-8000-000000000008"),
        "ann@example.com",
        InviteFailureReason.AlreadyInvited,
        "Customer already invited",
        Guid.Parse("c0000000-0000-4000-8000-000000000008"));

    [Fact]
    public void No_customer_appears() =>
        Assert.Null(CustomerProjection.Project(null, Failed));

    [Fact]
    public void An_existing_customer_is_left_unchanged()
    {
        var view = CustomerProjection.Project(
            null, new CustomerInvited(Guid.NewGuid(), Failed.ExistingCustomerId!.Value, "ann@example.com", DateTimeOffset.UnixEpoch));

        Assert.Same(view, CustomerProjection.Project(view, Failed));
    }
}
