using Unbundled.Messaging.Testing;
using Unbundled.Messaging.Tests.Commands;
using Unbundled.Messaging.Tests.Events;
using Unbundled.Messaging.Tests.Messages;

namespace Unbundled.Messaging.Tests.Testing;

public class When_unit_testing_code_that_uses_the_message_session
{
    private readonly TestableMessageSession session = new();

    [Fact]
    public async Task Should_record_the_request_with_its_options_and_return_the_given_response()
    {
        session.RespondToRequestsWith(request => new OrderAccepted(((PlaceOrder)request).OrderId));

        var accepted = await new OrderDesk(session).PlaceOrder("o-1");

        Assert.Equal(new OrderAccepted("o-1"), accepted);
        var sent = Assert.Single(session.SentMessages);
        Assert.Equal(new PlaceOrder("o-1"), sent.Message);
        Assert.Equal("Sales", sent.Destination);
        Assert.Equal("place-o-1", sent.Options.GetMessageId());
    }

    [Fact]
    public async Task Should_refuse_a_request_it_was_not_told_how_to_answer()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => new OrderDesk(session).PlaceOrder("o-1"));

        Assert.Contains("RespondToRequestsWith", error.Message);
    }

    [Fact]
    public async Task Should_record_sends_and_publishes_made_with_the_short_forms()
    {
        await session.Send("Sales", new PlaceOrder("o-1"));
        await session.Publish(new OrderPlaced("o-1"));

        Assert.Equal("Sales", Assert.Single(session.SentMessages).Destination);
        Assert.Equal([new OrderPlaced("o-1")], session.Published<OrderPlaced>());
    }
}
