using Unbundled.Domain.Events;
using Unbundled.Domain.Invitations;
using Unbundled.Domain.Messages;

namespace Unbundled.Domain.Tests.Messages;

public class InviteCustomerResponseTests
{
    private static readonly Guid CustomerId = Guid.Parse("c0000000-0000-4000-8000-000000000009");
    private static readonly Guid EventId = Guid.Parse("e0000000-0000-4000-8000-000000000009");

    [Fact]
    public void From_an_invite_reports_the_customer_and_no_failure() =>
        Assert.Equal(
            new InviteCustomerResponse(CustomerId, "Ann@Example.com", Invited: true, FailureReason: null, FailureMessage: null),
            InviteCustomerResponse.From(new CustomerInvited(EventId, CustomerId, "Ann@Example.com", DateTimeOffset.UnixEpoch)));

    [Fact]
    public void From_an_already_invited_failure_reports_the_reason_and_the_existing_customer() =>
        Assert.Equal(
            new InviteCustomerResponse(CustomerId, " ann@example.com", false, InviteFailureReason.AlreadyInvited, "Customer already invited"),
            InviteCustomerResponse.From(new CustomerInviteFailed(
                EventId, " ann@example.com", InviteFailureReason.AlreadyInvited, "Customer already invited", CustomerId)));

    [Fact]
    public void From_an_invalid_email_failure_reports_no_customer() =>
        Assert.Equal(
            new InviteCustomerResponse(null, "ann", false, InviteFailureReason.InvalidEmail, "Email must contain exactly one '@'"),
            InviteCustomerResponse.From(new CustomerInviteFailed(
                EventId, "ann", InviteFailureReason.InvalidEmail, "Email must contain exactly one '@'", ExistingCustomerId: null)));

    [Fact]
    public void The_response_is_a_plain_message_not_an_event() =>
        Assert.EndsWith(".Messages", typeof(InviteCustomerResponse).Namespace, StringComparison.Ordinal);
}
