using Microsoft.Extensions.Logging.Abstractions;
using Unbundled.Customers.Handlers;
using Unbundled.Domain.Commands;
using Unbundled.Domain.Events;
using Unbundled.Domain.Messages;
using Unbundled.Endpoints.Tests.Fakes;
using Unbundled.Messaging.Testing;
using Xunit;

namespace Unbundled.Endpoints.Tests.Customers;

public sealed class When_a_new_email_is_invited
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_claim_is_recorded_the_event_published_with_its_id_and_the_requester_answered()
    {
        var claims = new InMemoryEmailClaims();
        var context = new TestableMessageHandlerContext();
        var command = new InviteCustomer(" ada@example.com ", Guid.NewGuid(), Guid.NewGuid(), Now);

        await new InviteCustomerHandler(NullLogger<InviteCustomerHandler>.Instance, claims).Handle(command, context);

        var claim = Assert.Single(claims.All);
        Assert.Equal(command.CustomerId, claim.CustomerId);
        var published = Assert.Single(context.PublishedMessages);
        Assert.Equal(new CustomerInvited(command.EventId, command.CustomerId, "ada@example.com", Now), published.Message);
        Assert.Equal(command.EventId.ToString(), published.Options.GetMessageId());
        var reply = Assert.Single(context.Replied<InviteCustomerResponse>());
        Assert.True(reply.Invited);
        Assert.Equal(command.CustomerId, reply.CustomerId);
        Assert.Empty(context.SentMessages);
    }
}
