using Unbundled.Domain.Commands;
using Unbundled.Domain.Events;
using Unbundled.Domain.Invitations;

namespace Unbundled.Domain.Tests.Invitations;

public class When_a_new_email_is_invited
{
    private static readonly Guid CustomerId = Guid.Parse("c0000000-0000-4000-8000-000000000003");
    private static readonly Guid EventId = Guid.Parse("e0000000-0000-4000-8000-000000000003");
    private static readonly DateTimeOffset RequestedAt = new(2025, 3, 14, 9, 26, 53, TimeSpan.FromHours(1));

    private readonly InvitationEvent outcome =
        InviteDecider.Decide(new InviteCustomer("  Ann@Example.com ", CustomerId, EventId, RequestedAt), existing: null);

    [Fact]
    public void The_customer_is_invited_with_the_ids_and_time_the_command_carries() =>
        Assert.Equal(new CustomerInvited(EventId, CustomerId, "Ann@Example.com", RequestedAt), outcome);

    [Fact]
    public void The_email_is_kept_trimmed_but_as_typed() =>
        Assert.Equal("Ann@Example.com", Assert.IsType<CustomerInvited>(outcome).Email);

    [Fact]
    public void The_email_becomes_claimed_by_the_customer() =>
        Assert.Equal(
            new EmailClaim(CustomerId, EventId, "Ann@Example.com", RequestedAt),
            InviteDecider.Evolve(null, outcome));
}
