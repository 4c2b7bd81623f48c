using Unbundled.Messaging.TransportTests.Commands;
using Unbundled.Messaging.TransportTests.Infrastructure;

namespace Unbundled.Messaging.TransportTests.Handlers;

public sealed class SendThenFailHandler(Observations observations) : IHandleMessages<SendThenFail>
{
    public async Task Handle(SendThenFail message, IMessageHandlerContext context)
    {
        var attempt = observations.CountAttempt(message.Key);
        await context.SendLocal(new DoSomething($"sent by attempt {attempt}"));
        if (attempt == 1)
        {
            throw new InvalidOperationException("The first attempt fails after sending.");
        }
    }
}
