using Microsoft.Extensions.Logging.Abstractions;
using Unbundled.Domain.Events;
using Unbundled.Endpoints.Tests.Fakes;
using Unbundled.Messaging.Testing;
using Unbundled.Projector.Handlers;
using Xunit;

namespace Unbundled.Endpoints.Tests.Projector;

public sealed class When_an_invite_is_projected
{
    [Fact]
    public async Task The_customer_appears_in_the_read_model_and_nothing_is_sent()
    {
        var views = new InMemoryCustomerViews();
        var context = new TestableMessageHandlerContext();
        var invited = new CustomerInvited(Guid.NewGuid(), Guid.NewGuid(), "ada@example.com", DateTimeOffset.UnixEpoch);

        await new CustomerInvitedHandler(NullLogger<CustomerInvitedHandler>.Instance, views).Handle(invited, context);

        var view = await views.Find(invited.CustomerId, CancellationToken.None);
        Assert.Equal("ada@example.com", view!.Email);
        Assert.True(view.Invited);
        Assert.Empty(context.SentMessages);
        Assert.Empty(context.PublishedMessages);
        Assert.Empty(context.RepliedMessages);
    }

    [Fact]
    public async Task A_redelivered_event_does_not_write_again()
    {
        var views = new InMemoryCustomerViews();
        var invited = new CustomerInvited(Guid.NewGuid(), Guid.NewGuid(), "ada@example.com", DateTimeOffset.UnixEpoch);

        // Each delivery gets its own views instance, as the endpoint's scope per message gives it.
        await new CustomerInvitedHandler(NullLogger<CustomerInvitedHandler>.Instance, views).Handle(invited, new TestableMessageHandlerContext());
        await new CustomerInvitedHandler(NullLogger<CustomerInvitedHandler>.Instance, views.NextMessage()).Handle(invited, new TestableMessageHandlerContext());

        Assert.Equal(1, views.Saves);
        Assert.Equal([invited.EventId], (await views.NextMessage().Find(invited.CustomerId, CancellationToken.None))!.AppliedEventIds);
    }
}
