using Microsoft.Extensions.Logging.Abstractions;
using Unbundled.Customers.Handlers;
using Unbundled.Domain.Commands;
using Unbundled.Domain.Invitations;
using Unbundled.Domain.Messages;
using Unbundled.Endpoints.Tests.Fakes;
using Unbundled.Messaging.Testing;
using Xunit;

namespace Unbundled.Endpoints.Tests.Customers;

public sealed class When_an_invite_is_rejected
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_taken_email_publishes_nothing_and_answers_with_the_owner()
    {
        var claims = new InMemoryEmailClaims();
        var handler = new InviteCustomerHandler(NullLogger<InviteCustomerHandler>.Instance, claims);
        var first = new InviteCustomer("ada@example.com", Guid.NewGuid(), Guid.NewGuid(), Now);
        await handler.Handle(first, new TestableMessageHandlerContext());
        var context = new TestableMessageHandlerContext();

        await handler.Handle(new InviteCustomer("ADA@example.com", Guid.NewGuid(), Guid.NewGuid(), Now), context);

        Assert.Empty(context.PublishedMessages);
        var reply = Assert.Single(context.Replied<InviteCustomerResponse>());
        Assert.False(reply.Invited);
        Assert.Equal(InviteFailureReason.AlreadyInvited, reply.FailureReason);
        Assert.Equal(first.CustomerId, reply.CustomerId);
        Assert.Single(claims.All);
    }

    [Fact]
    public async Task An_empty_email_claims_nothing_and_answers_email_required()
    {
        var claims = new InMemoryEmailClaims();
        var context = new TestableMessageHandlerContext();

        await new InviteCustomerHandler(NullLogger<InviteCustomerHandler>.Instance, claims)
            .Handle(new InviteCustomer("", Guid.NewGuid(), Guid.NewGuid(), Now), context);

        Assert.Empty(claims.All);
        Assert.Empty(context.PublishedMessages);
        Assert.Equal(InviteFailureReason.EmailRequired, Assert.Single(context.Replied<InviteCustomerResponse>()).FailureReason);
    }
}
