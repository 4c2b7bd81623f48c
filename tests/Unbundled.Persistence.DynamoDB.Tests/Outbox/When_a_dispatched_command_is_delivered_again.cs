using Unbundled.Messaging.TransportTests.Infrastructure;
using Unbundled.Persistence.DynamoDB.Tests.Infrastructure;
using Xunit;

namespace Unbundled.Persistence.DynamoDB.Tests.Outbox;

/// <summary>The command was processed and its messages dispatched; the broker delivers it once more.</summary>
public sealed class When_a_dispatched_command_is_delivered_again : CustomersTest
{
    [Fact]
    public async Task Should_run_no_handler_and_dispatch_nothing()
    {
        await World.Start();
        await World.Deliver(Command, MessageId);
        await World.Published.Next();
        await World.NextReply();
        await World.Audit.Next();

        await World.Deliver(Command, MessageId);
        await World.Audit.Next();

        Assert.Equal(1, World.Claims.Finds);
        Assert.True(await World.Published.NothingMoreWithin(Scenario.QuietPeriod));
        Assert.True(await World.Replies.NothingWithin(TimeSpan.FromMilliseconds(200)));
    }
}
