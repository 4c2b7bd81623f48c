using Microsoft.Extensions.Logging.Abstractions;
using Unbundled.Customers.Handlers;
using Unbundled.Domain.Commands;
using Unbundled.Domain.Events;
using Unbundled.Domain.Messages;
using Unbundled.Endpoints.Tests.Fakes;
using Unbundled.Messaging.Testing;
using Xunit;

namespace Unbundled.Endpoints.Tests.Customers;

public sealed class When_an_invite_command_is_redelivered
{
    [Fact]
    public async Task The_same_event_is_published_again_with_the_same_ids_and_no_second_claim()
    {
        var claims = new InMemoryEmailClaims();
        var handler = new InviteCustomerHandler(NullLogger<InviteCustomerHandler>.Instance, claims);
        var command = new InviteCustomer("ada@example.com", Guid.NewGuid(), Guid.NewGuid(), DateTimeOffset.UnixEpoch);
        var first = new TestableMessageHandlerContext();
        var second = new TestableMessageHandlerContext();

        await handler.Handle(command, first);
        await handler.Handle(command, second);

        Assert.Single(claims.All);
        Assert.Equal(first.Published<CustomerInvited>(), second.Published<CustomerInvited>());
        Assert.Equal(first.PublishedMessages[0].Options.GetMessageId(), second.PublishedMessages[0].Options.GetMessageId());
        Assert.True(Assert.Single(second.Replied<InviteCustomerResponse>()).Invited);
    }
}
